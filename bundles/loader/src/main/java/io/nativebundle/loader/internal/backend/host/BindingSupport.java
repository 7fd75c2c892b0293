package io.nativebundle.loader.internal.backend.host;

/** What the generated host bindings call besides the invokers; public for their class loader. */
public final class BindingSupport {

    private BindingSupport() {
    }

    /** A {@code CharSequence} parameter as the {@code String} an invoker takes; null stays null. */
    public static String text(CharSequence text) {
        return text == null ? null : text.toString();
    }
}
