package io.nativebundle.loader.internal.remote;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that make the calls through imports, so that a caller waits at most the import's
 * timeout even while the provider is still connecting (see {@link RemoteCallHandler}). As many as
 * calls in flight, reused while they come; daemon threads, so that one blocked in a connect never
 * holds the JVM.
 */
final class RemoteCallThreads implements ThreadFactory {

    private final AtomicInteger count = new AtomicInteger();

    private RemoteCallThreads() {
    }

    /** A new pool; its owner shuts it down. */
    static ExecutorService open() {
        return Executors.newCachedThreadPool(new RemoteCallThreads());
    }

    @Override
    public Thread newThread(Runnable call) {
        Thread thread = new Thread(call, "nativebundle-remote-call-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
