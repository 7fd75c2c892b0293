package io.nativebundle.binary.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.nativebundle.binary.GlibcVersion;
import io.nativebundle.binary.LibcFlavour;

/**
 * Applies explicit settings of the libc ({@code io.nativebundle.libc=glibc|musl},
 * {@code io.nativebundle.glibc.version=2.31}) to the detected one.
 *
 * <p>The rule: detection is the default and needs no setting. A setting is an explicit override,
 * for a host where detection cannot see the truth (no {@code /proc}, a libc outside the search
 * path) or to test a refusal. It wins, but never silently: when it disagrees with what was
 * detected, {@link #warnings()} says both, and whoever applied it logs them. A value that is
 * neither {@code glibc} nor {@code musl}, or not a version, is ignored with a warning.
 *
 * <pre>{@code
 * LibcOverride o = LibcOverride.apply(HostPlatform.current().libc(),
 *         "io.nativebundle.libc", System.getProperty("io.nativebundle.libc"),
 *         "io.nativebundle.glibc.version", System.getProperty("io.nativebundle.glibc.version"));
 * o.warnings().forEach(log::warning);
 * HostLibc libc = o.effective();
 * }</pre>
 */
public final class LibcOverride {

    private final HostLibc effective;
    private final List<String> warnings;

    private LibcOverride(HostLibc effective, List<String> warnings) {
        this.effective = effective;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * @param detected      what {@link HostPlatform} found
     * @param flavourName   the setting's name, for messages, e.g. {@code io.nativebundle.libc}
     * @param flavourValue  its value; null or blank when not set
     * @param versionName   the version setting's name, e.g. {@code io.nativebundle.glibc.version}
     * @param versionValue  its value; null or blank when not set; applies to glibc only
     */
    public static LibcOverride apply(HostLibc detected, String flavourName, String flavourValue, String versionName,
            String versionValue) {
        List<String> warnings = new ArrayList<>();
        LibcFlavour flavour = detected.flavour();
        List<String> settings = new ArrayList<>();
        if (isSet(flavourValue)) {
            Optional<LibcFlavour> configured = flavour(flavourValue);
            if (configured.isEmpty()) {
                warnings.add(flavourName + "=" + flavourValue.strip() + " is neither glibc nor musl; it is ignored and "
                        + detected.describe() + " (" + detected.source() + ") is used");
            } else {
                flavour = configured.get();
                settings.add(flavourName + "=" + flavourValue.strip());
                if (flavour != detected.flavour()) {
                    warnings.add(flavourName + "=" + flavourValue.strip() + " overrides the detected "
                            + detected.describe() + " (" + detected.source() + "); libraries are checked against "
                            + HostLibc.name(flavour));
                }
            }
        }
        Optional<GlibcVersion> version = flavour == detected.flavour() ? detected.version() : Optional.empty();
        if (isSet(versionValue) && flavour == LibcFlavour.GLIBC) {
            Optional<GlibcVersion> configured = GlibcVersion.parse(versionValue);
            if (configured.isEmpty()) {
                warnings.add(versionName + "=" + versionValue.strip() + " is not a glibc version like 2.31; it is"
                        + " ignored");
            } else {
                settings.add(versionName + "=" + versionValue.strip());
                if (!configured.equals(detected.version())) {
                    warnings.add(versionName + "=" + versionValue.strip() + " overrides the detected glibc "
                            + detected.version().map(GlibcVersion::toString).orElse("version (unknown)") + " ("
                            + detected.source() + ")");
                }
                version = configured;
            }
        }
        HostLibc configured = new HostLibc(flavour, version, "set by " + String.join(", ", settings));
        // a setting that only repeats what was detected changes nothing, not even where the facts came from
        return new LibcOverride(settings.isEmpty() || configured.equals(detected) ? detected : configured, warnings);
    }

    /** The libc to check libraries against: the settings where given and valid, else the detected one. */
    public HostLibc effective() {
        return effective;
    }

    /** What to log: a setting that disagrees with detection, or one that is ignored. */
    public List<String> warnings() {
        return warnings;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static Optional<LibcFlavour> flavour(String value) {
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "glibc": return Optional.of(LibcFlavour.GLIBC);
            case "musl": return Optional.of(LibcFlavour.MUSL);
            default: return Optional.empty();
        }
    }
}
