package io.nativebundle.itests.tenant.attacker;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibrary;

/**
 * The code of the attacker bundle: a plugin of one tenant that tries every path to the native
 * services of another. It is packed into a bundle of its own ({@code AttackerBundle}) and runs
 * there, through that bundle's context, so the framework treats each request as the attacker's.
 *
 * <p>Every method returns what it saw and what it reached, as {@code java.*} types both class spaces
 * share: {@code seen} lists the victim's references or bundles the path handed out, {@code reached}
 * lists the service objects it obtained and the answers of the calls it made through them. A path
 * that reaches a function calls it, so the victim's call counter moves whenever a guard fails.
 */
public final class Attacker {

    public static final String SEEN = "seen";
    public static final String REACHED = "reached";

    private Attacker() {
    }

    /** {@code getServiceReferences(null, "(nativebundle.tenant=<victim>)")}, then {@code getService}. */
    public static Map<String, List<String>> lookup(BundleContext context, String victim) throws Exception {
        Result result = new Result();
        result.use(context, context.getServiceReferences((String) null, tenantFilter(victim)), "getServiceReferences",
                victim);
        return result.map();
    }

    /** {@code getAllServiceReferences(null, "(nativebundle.tenant=<victim>)")}, then {@code getService}. */
    public static Map<String, List<String>> lookupAll(BundleContext context, String victim) throws Exception {
        Result result = new Result();
        result.use(context, context.getAllServiceReferences(null, tenantFilter(victim)), "getAllServiceReferences",
                victim);
        return result.map();
    }

    /** {@code getRegisteredServices()} of every bundle it can see (the loader registers every tenant's functions). */
    public static Map<String, List<String>> registeredServices(BundleContext context, String victim) {
        Result result = new Result();
        for (Bundle bundle : context.getBundles()) {
            result.use(context, bundle.getRegisteredServices(), "getRegisteredServices of " + bundle.getSymbolicName(),
                    victim);
        }
        return result.map();
    }

    /** {@code getServicesInUse()} of every bundle it can see. */
    public static Map<String, List<String>> servicesInUse(BundleContext context, String victim) {
        Result result = new Result();
        for (Bundle bundle : context.getBundles()) {
            result.use(context, bundle.getServicesInUse(), "getServicesInUse of " + bundle.getSymbolicName(), victim);
        }
        return result.map();
    }

    /** A reference another bundle handed over: {@code getService}. */
    public static Map<String, List<String>> handedOver(BundleContext context, ServiceReference<?> reference,
                                                      String victim) {
        Result result = new Result();
        result.use(context, new ServiceReference<?>[] {reference}, "a reference handed over", victim);
        return result.map();
    }

    /** A reference another bundle handed over: {@code getServiceObjects(ref).getService()}. */
    public static Map<String, List<String>> serviceObjects(BundleContext context, ServiceReference<?> reference) {
        Result result = new Result();
        result.seen.add(String.valueOf(reference));
        ServiceObjects<?> objects = context.getServiceObjects(reference);
        if (objects != null) {
            result.call(objects.getService(), "getServiceObjects(" + reference + ").getService()");
        }
        return result.map();
    }

    /** {@code getBundles()} and {@code getBundle(id)}, then {@code getRegisteredServices()} of what it found. */
    public static Map<String, List<String>> bundles(BundleContext context, long victimBundle, String victim) {
        Result result = new Result();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() == victimBundle) {
                result.seen.add("getBundles(): " + bundle);
                result.use(context, bundle.getRegisteredServices(), "getRegisteredServices of " + bundle, victim);
            }
        }
        Bundle byId = context.getBundle(victimBundle);
        if (byId != null) {
            result.seen.add("getBundle(" + victimBundle + "): " + byId);
            result.use(context, byId.getRegisteredServices(), "getRegisteredServices of " + byId, victim);
        }
        return result.map();
    }

    /**
     * A service listener for the victim's services: each event it hears is recorded in {@code seen},
     * and its service is taken and called. Remove it with {@code removeServiceListener}.
     */
    public static ServiceListener listenForServices(BundleContext context, String victim,
                                                    Map<String, List<String>> heard) throws Exception {
        Result result = new Result(heard);
        ServiceListener listener = event -> {
            result.seen.add(type(event) + " " + event.getServiceReference());
            if (event.getType() == ServiceEvent.REGISTERED) {
                result.use(context, new ServiceReference<?>[] {event.getServiceReference()}, "a service event", victim);
            }
        };
        context.addServiceListener(listener, tenantFilter(victim));
        return listener;
    }

    /** A bundle listener: each event about the victim's bundle is recorded in {@code seen}. */
    public static BundleListener listenForBundles(BundleContext context, long victimBundle,
                                                  Map<String, List<String>> heard) {
        Result result = new Result(heard);
        BundleListener listener = event -> {
            if (event.getBundle().getBundleId() == victimBundle) {
                result.seen.add("bundle event " + event.getType() + " of " + event.getBundle());
                if (event.getType() == BundleEvent.STARTED) {
                    result.use(context, event.getBundle().getRegisteredServices(), "a bundle event", null);
                }
            }
        };
        context.addBundleListener(listener);
        return listener;
    }

    private static String tenantFilter(String tenant) {
        return "(" + NativeBundleConstants.TENANT + "=" + tenant + ")";
    }

    private static String type(ServiceEvent event) {
        switch (event.getType()) {
            case ServiceEvent.REGISTERED:
                return "REGISTERED";
            case ServiceEvent.UNREGISTERING:
                return "UNREGISTERING";
            default:
                return "MODIFIED";
        }
    }

    /** What an attack saw and reached; thread-safe, as listeners record from the framework's threads. */
    private static final class Result {
        final List<String> seen;
        final List<String> reached;

        Result() {
            this(new java.util.concurrent.ConcurrentHashMap<>());
        }

        Result(Map<String, List<String>> into) {
            seen = into.computeIfAbsent(SEEN, k -> new java.util.concurrent.CopyOnWriteArrayList<>());
            reached = into.computeIfAbsent(REACHED, k -> new java.util.concurrent.CopyOnWriteArrayList<>());
        }

        Map<String, List<String>> map() {
            return Map.of(SEEN, new ArrayList<>(seen), REACHED, new ArrayList<>(reached));
        }

        /** Takes and calls every reference of the victim ({@code victim} null: every reference). */
        void use(BundleContext context, ServiceReference<?>[] references, String path, String victim) {
            if (references == null) {
                return;
            }
            for (ServiceReference<?> reference : references) {
                Object tenant = reference.getProperty(NativeBundleConstants.TENANT);
                if (victim != null && !victim.equals(tenant)) {
                    continue;
                }
                seen.add(path + ": " + reference);
                Object service;
                try {
                    service = context.getService(reference);
                } catch (RuntimeException e) {
                    continue; // e.g. unregistered meanwhile: nothing reached
                }
                call(service, path + ": " + reference);
            }
        }

        /** Calls what a service offers, so that reaching it shows in the victim's call counter. */
        void call(Object service, String how) {
            if (service == null) {
                return;
            }
            String answer;
            try {
                if (service instanceof NativeFunction function && function.signature().parameters().size() == 2) {
                    answer = "invoke(2, 3) = " + function.invoke(2, 3);
                } else if (service instanceof NativeLibrary library) {
                    answer = "NativeLibrary " + library.namespace() + " at " + library.file();
                } else {
                    Method add = service.getClass().getMethod("add", int.class, int.class);
                    answer = "add(2, 3) = " + add.invoke(service, 2, 3);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                answer = "got the object, the call threw " + e;
            }
            reached.add(how + " -> " + answer);
        }
    }
}
