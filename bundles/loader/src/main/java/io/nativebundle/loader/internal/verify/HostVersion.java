package io.nativebundle.loader.internal.verify;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Version;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.contract.OsgiVersion;
import io.nativebundle.contract.OsgiVersionRange;
import io.nativebundle.loader.internal.LoadRefusal;

/**
 * The actual version of a host library and where it was read from, because a refusal has to
 * say why the loader believes the host has that version.
 *
 * <p>The sources, best first: the text a {@code version-symbol} function returns
 * ({@code zlibVersion()} gives {@code 1.2.13}); the real file name ({@code libz.so.1.2.13});
 * the number of the {@code SONAME} ({@code libz.so.1} gives {@code 1.0.0}, the major version
 * only). Only the leading {@code major[.minor[.micro]]} counts: {@code 1.3.0.1-motley} is 1.3.0.
 *
 * @param version the version
 * @param source  where it was read, e.g. {@code zlibVersion() returned "1.2.13"} or
 *                {@code from the real file name libz.so.1.2.13}
 */
public record HostVersion(Version version, String source) {

    private static final Pattern LEADING = Pattern.compile("^\\s*(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");
    private static final Pattern SO_SUFFIX = Pattern.compile("\\.so\\.(\\d+(?:\\.\\d+){0,2})");

    /** From the text of a version function; empty when it starts with no number. */
    public static Optional<HostVersion> ofText(String text, String source) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = LEADING.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new HostVersion(new Version(number(m.group(1)), number(m.group(2)), number(m.group(3))),
                source));
    }

    /** From a real file name with a numbered suffix: {@code libz.so.1.2.13} gives 1.2.13. */
    public static Optional<HostVersion> ofFileName(Path real) {
        String name = real.getFileName().toString();
        Matcher m = SO_SUFFIX.matcher(name);
        if (!m.find()) {
            return Optional.empty();
        }
        return ofText(m.group(1), "from the real file name " + name);
    }

    /** From a {@code SONAME} such as {@code libz.so.1}: the major version only. */
    public static Optional<HostVersion> ofSoname(String soname) {
        Matcher m = SO_SUFFIX.matcher(soname);
        if (!m.find()) {
            return Optional.empty();
        }
        return ofText(m.group(1), "from the SONAME " + soname);
    }

    /**
     * @throws LoadRefusal {@code VERSION_MISMATCH} when the version is outside {@code range}
     */
    public void check(OsgiVersionRange range, String library, Path file) throws LoadRefusal {
        if (!range.includes(new OsgiVersion(version.getMajor(), version.getMinor(), version.getMicro(), ""))) {
            throw new LoadRefusal(RefusalReason.VERSION_MISMATCH, "library '" + library + "' accepts host versions "
                    + range + " (NativeBundle-Library version=), but " + file + " is version " + version
                    + " (" + source + "); install a fitting version of the library, or widen the range");
        }
    }

    /** The {@code version} check as the loader passed it. */
    public String describe(OsgiVersionRange range, Path file) {
        return file.getFileName() + " is version " + version + " (" + source + "), inside " + range;
    }

    private static int number(String digits) {
        if (digits == null) {
            return 0;
        }
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE; // more digits than an int: a version no range of a real library excludes by accident
        }
    }
}
