package io.nativebundle.benchmarks;

import java.nio.file.Files;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import io.nativebundle.benchmarks.osgi.MathInFramework;
import io.nativebundle.benchmarks.report.CallPath;

/**
 * Which call paths this build offers, found before JMH runs by booting the embedded framework
 * once: the JMH forks of a missing path would only fail in their setup. Also names the class of
 * the typed service object, which tells whether the loader wraps the binding in a guard yet.
 */
public final class Availability {

    private final Map<CallPath, String> unavailable;
    private final String serviceClass;

    private Availability(Map<CallPath, String> unavailable, String serviceClass) {
        this.unavailable = unavailable;
        this.serviceClass = serviceClass;
    }

    public static Availability check() {
        Map<CallPath, String> missing = new EnumMap<>(CallPath.class);
        if (!Files.isRegularFile(BenchPaths.jniLibrary())) {
            missing.put(CallPath.JNI, "no JNI stub at " + BenchPaths.jniLibrary() + " (it is built on linux/x86-64 only)");
        }
        try {
            BenchPaths.mathLibrary();
        } catch (IllegalStateException e) {
            for (CallPath path : new CallPath[] {CallPath.JNR_DEFAULT, CallPath.JNR_IGNORE_ERROR,
                    CallPath.JNA_DIRECT, CallPath.JNA_INTERFACE}) {
                missing.put(path, e.getMessage());
            }
        }
        String serviceClass = null;
        try (MathInFramework framework = MathInFramework.start(false)) {
            serviceClass = framework.typedServiceClass();
            framework.typedService();
            if (!framework.hasMetrics()) {
                missing.put(CallPath.SERVICE_ON, "no io.nativebundle.api.NativeMetrics service is registered");
            }
            try {
                framework.typedView("intBinary", "add");
                framework.typedView("runnable", "noop");
                framework.typedView("stringToInt", "length");
            } catch (UnavailableException e) {
                missing.put(CallPath.FUNCTION_TYPED, e.getMessage());
            }
            try {
                framework.invokeCalls();
            } catch (UnavailableException e) {
                missing.put(CallPath.FUNCTION_INVOKE, e.getMessage());
            }
        } catch (Exception e) {
            String reason = e instanceof UnavailableException ? e.getMessage()
                    : "the embedded framework with the math bundle failed: " + e;
            for (CallPath path : new CallPath[] {CallPath.SERVICE_OFF, CallPath.SERVICE_ON, CallPath.SERVICE_LEAF,
                    CallPath.FUNCTION_TYPED, CallPath.FUNCTION_INVOKE}) {
                missing.putIfAbsent(path, reason);
            }
        }
        ffm(missing);
        return new Availability(missing, serviceClass);
    }

    /** The FFM paths: Java 22+ only, and the typed service only where the loader serves math through FFM. */
    private static void ffm(Map<CallPath, String> missing) {
        if (Runtime.version().feature() < 22) {
            String reason = "FFM needs Java 22+; this JVM is Java " + Runtime.version().feature();
            for (CallPath path : new CallPath[] {CallPath.FFM_RAW, CallPath.FFM_RAW_CRITICAL, CallPath.FFM_SERVICE_OFF,
                    CallPath.FFM_SERVICE_ON, CallPath.FFM_SERVICE_LEAF}) {
                missing.put(path, reason);
            }
            return;
        }
        try (MathInFramework framework = MathInFramework.startOnFfm(false)) {
            framework.typedService();
        } catch (Exception e) {
            String reason = e instanceof UnavailableException ? e.getMessage()
                    : "the embedded framework on the FFM backend failed: " + e;
            missing.put(CallPath.FFM_SERVICE_OFF, reason);
            missing.put(CallPath.FFM_SERVICE_ON, reason);
            missing.put(CallPath.FFM_SERVICE_LEAF, reason);
        }
    }

    public boolean available(CallPath path) {
        return !unavailable.containsKey(path);
    }

    /** Why each missing path is missing. */
    public Map<CallPath, String> unavailable() {
        return Collections.unmodifiableMap(unavailable);
    }

    /** The class of the registered {@code MathLib} service object, or null when there is none. */
    public String serviceClass() {
        return serviceClass;
    }

    /** Whether that object is jnr-ffi's generated binding itself (no guard in front of it). */
    public boolean bareBinding() {
        return serviceClass != null && serviceClass.contains("$jnr$ffi$");
    }
}
