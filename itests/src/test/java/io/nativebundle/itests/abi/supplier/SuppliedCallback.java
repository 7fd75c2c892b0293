package io.nativebundle.itests.abi.supplier;

import java.util.concurrent.atomic.AtomicInteger;

import io.nativebundle.api.NativeCallback;

/**
 * A callback {@code (int)int} that another bundle than the test's supplies (CallbackErrorsTest
 * packs this class into its own bundle): ten times its argument, counting how often it ran, so
 * the test sees that a stub never enters it once that bundle stopped.
 */
public final class SuppliedCallback implements NativeCallback {

    /** How often any instance of this class (of one bundle's class loader) ran. */
    public static final AtomicInteger RAN = new AtomicInteger();

    @Override
    public Object invoke(Object[] arguments) {
        RAN.incrementAndGet();
        return (Integer) arguments[0] * 10;
    }
}
