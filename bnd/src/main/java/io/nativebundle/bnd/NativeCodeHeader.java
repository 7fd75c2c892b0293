package io.nativebundle.bnd;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes {@code Bundle-NativeCode}: one clause per platform,
 * {@code native/linux/x86-64/libmath.so;osname=Linux;processor=x86-64}. A platform with several
 * files (a library and its same-bundle dependencies) lists them all in its clause, main library
 * first, so the framework extracts them together.
 */
final class NativeCodeHeader {

    static final String HEADER = "Bundle-NativeCode";

    private NativeCodeHeader() {
    }

    static String format(List<PlatformBinaries> platforms) {
        return platforms.stream().map(NativeCodeHeader::clause).collect(Collectors.joining(","));
    }

    private static String clause(PlatformBinaries platform) {
        return platform.files().stream().map(NativeFile::path).collect(Collectors.joining(";"))
            + ";osname=" + platform.platform().osgiOsName() + ";processor=" + platform.platform().osgiProcessor();
    }
}
