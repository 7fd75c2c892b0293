package io.nativebundle.loader.internal.backend;

import io.nativebundle.api.NativeCallback;

/** A callback that CallbackOwnersTest defines in a class loader of a (fake) bundle: returns its argument plus 1. */
public final class OwnedCallback implements NativeCallback {

    @Override
    public Object invoke(Object[] arguments) {
        return (Integer) arguments[0] + 1;
    }
}
