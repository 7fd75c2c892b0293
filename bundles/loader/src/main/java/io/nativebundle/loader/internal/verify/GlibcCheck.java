package io.nativebundle.loader.internal.verify;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.binary.GlibcVersion;
import io.nativebundle.binary.LibcFlavour;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.binary.host.HostLibc;

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
        HostLibc host = subject.host().libc();
        Optional<GlibcVersion> have = host.flavour() == LibcFlavour.GLIBC ? host.version() : Optional.empty();
        StringJoiner checked = new StringJoiner(", ");
        for (BundleLibrary library : subject.libraries()) {
            Optional<GlibcVersion> needed = library.elf().highestGlibc();
            if (needed.isEmpty()) {
                checked.add(library.fileName() + " needs no GLIBC_ version");
                continue;
            }
            GlibcVersion need = needed.get();
            if (have.isPresent() && need.compareTo(have.get()) > 0) {
                throw new LoadRefusal(RefusalReason.GLIBC_TOO_OLD, subject.name(library) + " needs GLIBC_" + need
                        + " (from " + neededFrom(library, need) + ") but this host has glibc " + have.get()
                        + " (" + host.source() + "); build the library against glibc " + have.get()
                        + " or older (e.g. in an older distribution's container), or run a newer host");
            }
            checked.add(library.fileName() + " needs GLIBC_" + need);
        }
        String hostHas = have.map(v -> "host has glibc " + v + " (" + host.source() + ")")
                .orElse((host.flavour() == LibcFlavour.GLIBC ? "host glibc version unknown" : "host runs "
                        + host.describe()) + ", not compared (" + host.source() + ")");
        return checked + "; " + hostHas;
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
