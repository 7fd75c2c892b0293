package io.nativebundle.loader.internal.verify;

import java.nio.ByteOrder;
import java.util.StringJoiner;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.binary.ElfFile;
import io.nativebundle.binary.ElfMachine;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.binary.host.HostMachine;

/**
 * {@code WRONG_MACHINE}: every file's ELF class, machine and byte order are this JVM's. A library
 * of another machine in this platform's folder would otherwise fail in {@code dlopen} with
 * "wrong ELF class" or "cannot open shared object file", which names neither file nor cause.
 */
final class MachineCheck implements BinaryCheck {

    @Override
    public String name() {
        return "machine";
    }

    @Override
    public String check(CheckSubject subject) throws LoadRefusal {
        HostMachine host = subject.host().machine();
        if (!host.isKnown()) {
            return "not checked: os.arch " + host.osArch() + " is no ELF machine the runtime knows";
        }
        StringJoiner checked = new StringJoiner(", ");
        for (BundleLibrary library : subject.libraries()) {
            ElfFile elf = library.elf();
            boolean fits = elf.machine() == host.machine() && elf.elfClass() == host.elfClass()
                    && elf.byteOrder() == host.byteOrder();
            if (!fits) {
                throw new LoadRefusal(RefusalReason.WRONG_MACHINE, subject.name(library) + " is built for "
                        + describe(elf) + " but this JVM is " + host.describe() + "; put the "
                        + host.osgiProcessor() + " build in the folder of the Bundle-NativeCode clause for "
                        + subject.platform());
            }
            checked.add(library.fileName() + " " + describe(elf));
        }
        return checked + " fit this JVM (" + host.describe() + ")";
    }

    private static String describe(ElfFile elf) {
        String machine = elf.machine() == ElfMachine.OTHER ? "an unknown machine" : elf.machine().osgiProcessor();
        return machine + " " + elf.elfClass() + " " + (elf.byteOrder() == ByteOrder.LITTLE_ENDIAN ? "little-endian"
                : "big-endian");
    }
}
