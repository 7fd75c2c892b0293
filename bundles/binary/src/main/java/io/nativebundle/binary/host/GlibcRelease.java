package io.nativebundle.binary.host;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nativebundle.binary.GlibcVersion;

/**
 * The release of a glibc as its files state it: the name {@code libc-2.31.so} (before glibc 2.34),
 * or the banner compiled into {@code libc.so.6} ("GNU C Library ... release version 2.36.").
 */
final class GlibcRelease {

    private static final Pattern OLD_NAME = Pattern.compile("libc-(\\d+\\.\\d+(?:\\.\\d+)?)\\.so");
    private static final Pattern BANNER = Pattern.compile("release version (\\d+\\.\\d+(?:\\.\\d+)?)");

    private GlibcRelease() {
    }

    static Optional<GlibcVersion> ofFileName(String name) {
        Matcher m = OLD_NAME.matcher(name);
        return m.matches() ? GlibcVersion.parse(m.group(1)) : Optional.empty();
    }

    static Optional<GlibcVersion> ofBanner(byte[] image) {
        // ISO-8859-1 maps every byte to one char, so the ASCII banner survives as it is
        Matcher m = BANNER.matcher(new String(image, StandardCharsets.ISO_8859_1));
        return m.find() ? GlibcVersion.parse(m.group(1)) : Optional.empty();
    }
}
