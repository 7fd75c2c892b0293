package io.nativebundle.loader.internal.verify;

import java.util.StringJoiner;
import java.util.stream.Collectors;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.binary.ElfFile;
import io.nativebundle.binary.LibcFlavour;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.binary.host.HostLibc;

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
        HostLibc host = subject.host().libc();
        StringJoiner checked = new StringJoiner(", ");
        for (BundleLibrary library : subject.libraries()) {
            LibcFlavour needs = library.elf().libc();
            if (needs == LibcFlavour.UNKNOWN) {
                checked.add(library.fileName() + " needs no particular libc");
                continue;
            }
            if (host.flavour() != LibcFlavour.UNKNOWN && needs != host.flavour()) {
                throw new LoadRefusal(RefusalReason.LIBC_MISMATCH, subject.name(library) + " is linked against "
                        + name(needs) + " (" + evidence(library.elf()) + ") but this host runs " + name(host.flavour())
                        + " (" + host.source() + "); build the library with a " + name(host.flavour())
                        + " toolchain, or add a Bundle-NativeCode clause with selection-filter=\"("
                        + NativeBundleConstants.LIBC_PROPERTY + "=" + host.flavourName().orElseThrow()
                        + ")\" for such a build");
            }
            checked.add(library.fileName() + " needs " + name(needs));
        }
        String runs = host.flavour() == LibcFlavour.UNKNOWN ? "host libc unknown, not compared"
                : "host runs " + name(host.flavour());
        return checked + "; " + runs + " (" + host.source() + ")";
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
