package io.nativebundle.contract;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a library's calls run: in the JVM's process ({@code in-process}, the default), or in a
 * process of its own ({@code process}), where a crash of the library ends that process and never
 * the JVM. Written as {@code isolation=process} in {@code NativeBundle-Library}, as
 * {@code isolation = process} in a descriptor, and as the value of the framework property
 * {@code io.nativebundle.tenant.<tenant>.isolation}; the services carry it as
 * {@code nativebundle.isolation}.
 */
public enum Isolation {
    IN_PROCESS(Isolation.IN_PROCESS_TOKEN),
    PROCESS(Isolation.PROCESS_TOKEN);

    /** The token of {@link #IN_PROCESS}, a constant for annotations and the API's constants. */
    public static final String IN_PROCESS_TOKEN = "in-process";
    /** The token of {@link #PROCESS}. */
    public static final String PROCESS_TOKEN = "process";

    private final String token;

    Isolation(String token) {
        this.token = token;
    }

    /** {@code in-process} or {@code process}. */
    public String token() {
        return token;
    }

    /** The isolation {@code text} names, ignoring case and blanks. */
    public static Optional<Isolation> of(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Isolation isolation : values()) {
            if (isolation.token.equals(t)) {
                return Optional.of(isolation);
            }
        }
        return Optional.empty();
    }

    /** {@code process or in-process}, for messages. */
    public static String vocabulary() {
        return PROCESS.token + " or " + IN_PROCESS.token;
    }
}
