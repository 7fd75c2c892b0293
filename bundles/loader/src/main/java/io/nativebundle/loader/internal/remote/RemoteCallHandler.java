package io.nativebundle.loader.internal.remote;

import java.io.EOFException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.framework.ServiceException;

import io.nativebundle.api.NativeRemoteCallException;

/**
 * Calls the distribution provider's proxy of one imported library for one consumer bundle, and
 * tells a failed transport apart from what the library threw: the provider reports a lost or
 * refused connection and a timeout as a {@link ServiceException} of type
 * {@link ServiceException#REMOTE}, which becomes {@link NativeRemoteCallException} naming the
 * library, the method, the endpoint and what happened; anything else the call threw on the other
 * side (e.g. {@code NativeLibraryUnloadedException}) reaches the caller as itself. Every call is
 * counted in the import's {@link RemoteCallStats}.
 *
 * <p>The import's timeout bounds the whole call, connecting included: the provider connects
 * without a timeout (to an unreachable host, the kernel's SYN retries, about two minutes on Linux)
 * and only bounds the wait for the answer, so the call runs on one of the loader's
 * {@link RemoteCallThreads} while the caller waits at most the timeout for it.
 */
final class RemoteCallHandler implements InvocationHandler {

    private final Object target;
    private final String library;
    private final String endpoint;
    private final long timeoutMillis;
    private final RemoteCallStats stats;
    private final ExecutorService threads;

    RemoteCallHandler(Object target, String library, String endpoint, long timeoutMillis, RemoteCallStats stats,
            ExecutorService threads) {
        this.target = target;
        this.threads = threads;
        this.library = library;
        this.endpoint = endpoint;
        this.timeoutMillis = timeoutMillis;
        this.stats = stats;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "imported library '" + library + "' at " + endpoint;
            };
        }
        long start = System.nanoTime();
        Future<Object> call;
        try {
            call = threads.submit(() -> method.invoke(target, args));
        } catch (RejectedExecutionException stopping) {
            stats.called(System.nanoTime() - start, true);
            throw failure(method, "the loader is stopping, it makes no more remote calls", stopping);
        }
        try {
            Object result = call.get(timeoutMillis, TimeUnit.MILLISECONDS);
            stats.called(System.nanoTime() - start, false);
            return result;
        } catch (TimeoutException e) {
            // the helper thread stays blocked until the operating system gives up on the connection
            call.cancel(true);
            stats.called(System.nanoTime() - start, true);
            throw failure(method, "no answer within the import's timeout of " + timeoutMillis + " ms: the"
                    + " endpoint did not accept the connection or did not answer (an unreachable host, or a"
                    + " network that drops the packets); whether it ran there is unknown", e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            stats.called(System.nanoTime() - start, true);
            throw failure(method, "the calling thread was interrupted while it waited; whether it ran there is"
                    + " unknown", e);
        } catch (ExecutionException e) {
            stats.called(System.nanoTime() - start, true);
            Throwable thrown = e.getCause() instanceof InvocationTargetException invoked ? invoked.getCause()
                    : e.getCause();
            if (thrown instanceof ServiceException s && s.getType() == ServiceException.REMOTE) {
                Throwable cause = rootCause(s);
                throw failure(method, why(cause), cause);
            }
            throw thrown;
        }
    }

    private NativeRemoteCallException failure(Method method, String why, Throwable cause) {
        return new NativeRemoteCallException(library, method.getName(), endpoint, "call " + method.getName()
                + " of library '" + library + "' at " + endpoint + " failed: " + why, cause);
    }

    /** What happened, in words an operator can act on. */
    private String why(Throwable cause) {
        if (cause instanceof SocketTimeoutException) {
            return "no answer within the import's timeout of " + timeoutMillis + " ms (" + cause + ")";
        }
        if (cause instanceof ConnectException) {
            return "nothing answers there: the library was stopped or updated, or its framework ended (" + cause + ")";
        }
        if (cause instanceof EOFException || cause instanceof SocketException) {
            return "the connection was lost during the call; whether it ran there is unknown (" + cause + ")";
        }
        return String.valueOf(cause);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
