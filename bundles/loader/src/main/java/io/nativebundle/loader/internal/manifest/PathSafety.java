package io.nativebundle.loader.internal.manifest;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;

/**
 * Refuses native paths that could point outside the bundle: a path is a jar entry name and is
 * later joined to a cache folder, so {@code ..}, absolute paths and backslashes are never valid.
 */
public final class PathSafety {

    private PathSafety() {
    }

    public static void check(String path) throws LoadRefusal {
        String reason = problem(path);
        if (reason != null) {
            throw new LoadRefusal(RefusalReason.UNSAFE_PATH, "native path '" + path + "' " + reason
                    + "; expected a relative jar entry such as native/linux/x86-64/libfoo.so");
        }
    }

    private static String problem(String path) {
        if (path.isEmpty()) {
            return "is empty";
        }
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
            return "is absolute";
        }
        if (path.indexOf('\\') >= 0) {
            return "contains a backslash";
        }
        if (path.indexOf('\0') >= 0) {
            return "contains a NUL character";
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                return "contains '..'";
            }
        }
        return null;
    }
}
