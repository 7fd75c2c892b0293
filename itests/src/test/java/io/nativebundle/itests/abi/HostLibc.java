package io.nativebundle.itests.abi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A descriptor over the host's C library, as the C ABI tests wrap it: its head (the soname, the
 * glibc versions the tests were written against, checked through {@code gnu_get_libc_version})
 * written once, then each test's own sections.
 */
public final class HostLibc {

    private HostLibc() {
    }

    /**
     * The lines of a descriptor of library {@code library} over {@code libc.so.6}: the head, then
     * {@code lines} (more keys, an empty line, the sections).
     */
    public static String[] descriptor(String library, String... lines) {
        List<String> all = new ArrayList<>(List.of("library = " + library, "system = libc.so.6",
                "version = [2.17,3)", "version-symbol = gnu_get_libc_version"));
        all.addAll(Arrays.asList(lines));
        return all.toArray(String[]::new);
    }
}
