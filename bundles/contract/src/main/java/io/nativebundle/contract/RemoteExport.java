package io.nativebundle.contract;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a library's services are offered to other frameworks through OSGi Remote Services:
 * {@code none} (the default: exports are off) or {@code remote}. Written as {@code export=remote}
 * in {@code NativeBundle-Library} and as {@code export = remote} in a descriptor; an operator may
 * export a library without either (the loader's {@code io.nativebundle.remote.export} property).
 * The exported services carry {@code nativebundle.remote} = {@code exported}.
 */
public enum RemoteExport {
    NONE("none"),
    REMOTE(RemoteExport.REMOTE_TOKEN);

    /** The token of {@link #REMOTE}, a constant for the API's constants. */
    public static final String REMOTE_TOKEN = "remote";

    private final String token;

    RemoteExport(String token) {
        this.token = token;
    }

    /** {@code none} or {@code remote}. */
    public String token() {
        return token;
    }

    /** The export {@code text} names, ignoring case and blanks. */
    public static Optional<RemoteExport> of(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (RemoteExport export : values()) {
            if (export.token.equals(t)) {
                return Optional.of(export);
            }
        }
        return Optional.empty();
    }

    /** {@code remote or none}, for messages. */
    public static String vocabulary() {
        return REMOTE.token + " or " + NONE.token;
    }
}
