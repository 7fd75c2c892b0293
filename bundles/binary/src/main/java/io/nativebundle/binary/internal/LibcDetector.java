package io.nativebundle.binary.internal;

import io.nativebundle.binary.LibcFlavour;
import java.util.List;

/** Tells glibc from musl by what a binary asks the dynamic loader for. */
public final class LibcDetector {

    private LibcDetector() {
    }

    public static LibcFlavour detect(ElfContents elf) {
        if (elf.interpreter().isPresent()) {
            LibcFlavour byInterpreter = ofInterpreter(elf.interpreter().get());
            if (byInterpreter != LibcFlavour.UNKNOWN) {
                return byInterpreter;
            }
        }
        for (String needed : elf.needed()) {
            LibcFlavour byNeeded = ofLibrary(needed);
            if (byNeeded != LibcFlavour.UNKNOWN) {
                return byNeeded;
            }
        }
        if (elf.soname().isPresent() && ofLibrary(elf.soname().get()) != LibcFlavour.UNKNOWN) {
            return ofLibrary(elf.soname().get());
        }
        // a library may need only libm or libpthread, yet GLIBC_* versions give glibc away
        boolean glibcVersions = elf.versionNeeds().values().stream()
                .flatMap(List::stream)
                .anyMatch(v -> v.startsWith("GLIBC_"));
        return glibcVersions ? LibcFlavour.GLIBC : LibcFlavour.UNKNOWN;
    }

    static LibcFlavour ofInterpreter(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        if (base.startsWith("ld-musl")) {
            return LibcFlavour.MUSL;
        }
        // ld-linux*.so.* on x86, arm and riscv; ld64.so.* on ppc64 and s390x
        if (base.startsWith("ld-linux") || base.startsWith("ld64.so") || base.equals("ld.so.1")) {
            return LibcFlavour.GLIBC;
        }
        return LibcFlavour.UNKNOWN;
    }

    static LibcFlavour ofLibrary(String name) {
        if (name.equals("libc.so.6")) {
            return LibcFlavour.GLIBC;
        }
        if (name.equals("libc.so") || (name.startsWith("libc.musl-") && name.endsWith(".so.1"))) {
            return LibcFlavour.MUSL;
        }
        return LibcFlavour.UNKNOWN;
    }
}
