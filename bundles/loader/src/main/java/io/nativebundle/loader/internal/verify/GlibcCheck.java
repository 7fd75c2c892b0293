package io.nativebundle.loader.internal.verify;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.binary.GlibcVersion;
import io.nativebundle.binary.LibcFlavour;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.host.HostPlatform;

/**
 * {@code GLIBC_TOO_OLD}: the highest {@code GLIBC_x.y} symbol version a library needs is defined
 * by this host's glibc. Otherwise {@code dlopen} fails with "version `GLIBC_2.38' not found",
 * after some of the plugin's dependencies may already be mapped.
 */
final class GlibcCheck implements BinaryCheck {

    @Override
    public String name() {
        return "glibc";
    }

    @Override
    public String check(CheckSubject subject) throws LoadRefusal {
        HostPlatform host = subject.host();
        StringJoiner checked = new StringJoiner(", ");
        for (BundleLibrary library : subject.libraries()) {
            Optional<GlibcVersion> needed = library.elf().highestGlibc();
            if (needed.isEmpty()) {
                checked.add(library.fileName() + " needs no GLIBC_ version");
                continue;
            }
            GlibcVersion need = needed.get();
            if (host.libc() == LibcFlavour.GLIBC && host.glibc().isPresent() && need.compareTo(host.glibc().get()) > 0) {
                throw new LoadRefusal(RefusalReason.GLIBC_TOO_OLD, subject.name(library) + " needs GLIBC_" + need
                        + " (from " + neededFrom(library, need) + ") but this host has glibc " + host.glibc().get()
                        + " (" + host.glibcSource() + "); build the library against glibc " + host.glibc().get()
                        + " or older (e.g. in an older distribution's container), or run a newer host");
            }
            checked.add(library.fileName() + " needs GLIBC_" + need);
        }
        String have = host.glibc().map(v -> "host has glibc " + v + " (" + host.glibcSource() + ")")
                .orElse("host glibc version unknown, not compared (" + host.glibcSource() + ")");
        return checked + "; " + have;
    }

    private static String neededFrom(BundleLibrary library, GlibcVersion need) {
        for (Map.Entry<String, List<String>> e : library.elf().versionNeeds().entrySet()) {
            for (String version : e.getValue()) {
                if (GlibcVersion.parse(version).filter(need::equals).isPresent()) {
                    return e.getKey();
                }
            }
        }
        return "its version needs";
    }
}
