package io.nativebundle.loader.internal.verify;

import java.util.Locale;
import java.util.StringJoiner;
import java.util.stream.Collectors;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.binary.ElfFile;
import io.nativebundle.binary.LibcFlavour;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.host.HostPlatform;

/**
 * {@code LIBC_MISMATCH}: a library linked against musl does not load on glibc, nor the other way
 * round. The flavour comes from the library's {@code PT_INTERP}, {@code DT_NEEDED} or
 * {@code GLIBC_*} version needs; a library that needs no libc fits anywhere.
 */
final class LibcCheck implements BinaryCheck {

    @Override
    public String name() {
        return "libc";
    }

    @Override
    public String check(CheckSubject subject) throws LoadRefusal {
        HostPlatform host = subject.host();
        StringJoiner checked = new StringJoiner(", ");
        for (BundleLibrary library : subject.libraries()) {
            LibcFlavour needs = library.elf().libc();
            if (needs == LibcFlavour.UNKNOWN) {
                checked.add(library.fileName() + " needs no particular libc");
                continue;
            }
            if (host.libc() != LibcFlavour.UNKNOWN && needs != host.libc()) {
                throw new LoadRefusal(RefusalReason.LIBC_MISMATCH, subject.name(library) + " is linked against "
                        + name(needs) + " (" + evidence(library.elf()) + ") but this host runs " + name(host.libc())
                        + " (" + host.libcSource() + "); build the library with a " + name(host.libc())
                        + " toolchain, or add a Bundle-NativeCode clause with selection-filter=\"("
                        + "io.nativebundle.libc=" + host.libc().name().toLowerCase(Locale.ROOT)
                        + ")\" for such a build");
            }
            checked.add(library.fileName() + " needs " + name(needs));
        }
        String runs = host.libc() == LibcFlavour.UNKNOWN ? "host libc unknown, not compared"
                : "host runs " + name(host.libc());
        return checked + "; " + runs + " (" + host.libcSource() + ")";
    }

    static String name(LibcFlavour flavour) {
        switch (flavour) {
            case GLIBC: return "glibc";
            case MUSL: return "musl";
            default: return "an unknown libc";
        }
    }

    private static String evidence(ElfFile elf) {
        if (elf.interpreter().isPresent()) {
            return "PT_INTERP " + elf.interpreter().get();
        }
        String libs = elf.needed().stream().filter(n -> n.startsWith("libc.") || n.startsWith("ld-"))
                .collect(Collectors.joining(", "));
        return libs.isEmpty() ? "its GLIBC_* symbol versions" : "DT_NEEDED " + libs;
    }
}
