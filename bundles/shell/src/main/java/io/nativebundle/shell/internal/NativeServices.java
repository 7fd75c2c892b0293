package io.nativebundle.shell.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeBundleConstants;

/**
 * Finds the native service of one symbol, e.g. the {@code NativeFunction} {@code add} of
 * {@code math}: {@code (&(nativebundle.library=math)(nativebundle.symbol=add))}, or by
 * {@code nativebundle.namespace} when the library is given as {@code acme/math/v1}. When an
 * update leaves several generations registered for a moment, the newest wins.
 */
final class NativeServices {

    private final BundleContext context;

    NativeServices(BundleContext context) {
        this.context = context;
    }

    <S> Optional<ServiceReference<S>> newest(Class<S> type, String library, String symbol) {
        try {
            return newest(context.getServiceReferences(type, filter(library, symbol)));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("the filter " + filter(library, symbol) + " does not parse: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code action} on the service and releases it again.
     *
     * @throws IllegalStateException when the service went away since it was looked up
     */
    <S, R> R use(ServiceReference<S> reference, Function<S, R> action) {
        S service = context.getService(reference);
        if (service == null) {
            throw new IllegalStateException(reference.getProperty(NativeBundleConstants.LIBRARY) + " "
                    + reference.getProperty(NativeBundleConstants.SYMBOL)
                    + " was unregistered while the command ran (its bundle stopped or was updated); run it again");
        }
        try {
            return action.apply(service);
        } finally {
            context.ungetService(reference);
        }
    }

    /** The reference with the highest {@code nativebundle.generation}; between equals, the framework's order. */
    static <S> Optional<ServiceReference<S>> newest(Collection<ServiceReference<S>> references) {
        Comparator<ServiceReference<S>> byGeneration = Comparator.comparingLong(NativeServices::generation);
        return references.stream().max(byGeneration.thenComparing(Comparator.naturalOrder()));
    }

    static String filter(String library, String symbol) {
        String key = library.contains("/") ? NativeBundleConstants.NAMESPACE : NativeBundleConstants.LIBRARY;
        return "(&(" + key + "=" + escape(library) + ")(" + NativeBundleConstants.SYMBOL + "=" + escape(symbol) + "))";
    }

    /** Escapes the characters RFC 4515 reserves in a filter value. */
    static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static long generation(ServiceReference<?> reference) {
        Object g = reference.getProperty(NativeBundleConstants.GENERATION);
        return g instanceof Number n ? n.longValue() : -1;
    }
}
