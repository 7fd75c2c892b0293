package io.nativebundle.contract;

import java.util.Optional;

/**
 * The rule for {@code system=} in {@code NativeBundle-Library}: the file name of a host library,
 * e.g. {@code libz.so.1}, which the loader looks up on the host's default library search path. A
 * path would bypass that search (and the dynamic linker reads a name with {@code '/'} as a path
 * relative to the working directory), so it is refused.
 */
public final class HostFileName {

    private HostFileName() {
    }

    public static boolean isValid(String file) {
        return problem(file).isEmpty();
    }

    /**
     * Why {@code file} is not a host library file name, as a phrase to follow the value in a
     * message ({@code "system=/lib/libz.so " + problem}); empty when it is one.
     */
    public static Optional<String> problem(String file) {
        if (file == null || file.isBlank()) {
            return Optional.of("is empty; expected the host library's file name, e.g. libz.so.1");
        }
        String name = file.strip();
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.equals(".") || name.equals("..")) {
            return Optional.of("is a path; expected a file name without '/', e.g. libz.so.1, which the loader"
                    + " looks up on the host's default library search path");
        }
        return Optional.empty();
    }
}
