package io.nativebundle.binary;

import static org.junit.Assert.assertEquals;

import java.util.Optional;
import org.junit.Test;

public class ElfMachineTest {

    @Test
    public void codes() {
        assertEquals(ElfMachine.X86, ElfMachine.ofCode(3));
        assertEquals(ElfMachine.X86_64, ElfMachine.ofCode(62));
        assertEquals(ElfMachine.ARM, ElfMachine.ofCode(40));
        assertEquals(ElfMachine.AARCH64, ElfMachine.ofCode(183));
        assertEquals(ElfMachine.PPC, ElfMachine.ofCode(20));
        assertEquals(ElfMachine.PPC64, ElfMachine.ofCode(21));
        assertEquals(ElfMachine.S390, ElfMachine.ofCode(22));
        assertEquals(ElfMachine.RISCV, ElfMachine.ofCode(243));
        assertEquals(ElfMachine.OTHER, ElfMachine.ofCode(0));
        assertEquals(ElfMachine.OTHER, ElfMachine.ofCode(-1));
        assertEquals(ElfMachine.OTHER, ElfMachine.ofCode(0xffff));
        for (ElfMachine m : ElfMachine.values()) {
            if (m != ElfMachine.OTHER) {
                assertEquals(m, ElfMachine.ofCode(m.code()));
            }
        }
    }

    @Test
    public void osgiProcessorNames() {
        assertEquals("x86-64", ElfMachine.X86_64.osgiProcessor());
        assertEquals("aarch64", ElfMachine.AARCH64.osgiProcessor());
        for (String alias : new String[] {"x86-64", "x86_64", "amd64", "em64t", "X86-64", "AMD64"}) {
            assertEquals(alias, Optional.of(ElfMachine.X86_64), ElfMachine.ofOsgiProcessor(alias));
        }
        for (String alias : new String[] {"aarch64", "arm64"}) {
            assertEquals(alias, Optional.of(ElfMachine.AARCH64), ElfMachine.ofOsgiProcessor(alias));
        }
        for (String alias : new String[] {"x86", "i386", "i486", "i586", "i686", "pentium"}) {
            assertEquals(alias, Optional.of(ElfMachine.X86), ElfMachine.ofOsgiProcessor(alias));
        }
        assertEquals(Optional.of(ElfMachine.PPC64), ElfMachine.ofOsgiProcessor("ppc64le"));
        assertEquals(Optional.of(ElfMachine.S390), ElfMachine.ofOsgiProcessor("s390x"));
        assertEquals(Optional.of(ElfMachine.RISCV), ElfMachine.ofOsgiProcessor("riscv64"));
        assertEquals(Optional.of(ElfMachine.ARM), ElfMachine.ofOsgiProcessor("arm"));
        for (ElfMachine m : ElfMachine.values()) {
            if (m != ElfMachine.OTHER) {
                assertEquals(Optional.of(m), ElfMachine.ofOsgiProcessor(m.osgiProcessor()));
            }
        }
        assertEquals(Optional.empty(), ElfMachine.ofOsgiProcessor("unknown"));
        assertEquals(Optional.empty(), ElfMachine.ofOsgiProcessor("mips"));
        assertEquals(Optional.empty(), ElfMachine.ofOsgiProcessor(null));
    }

    @Test
    public void javaOsArch() {
        assertEquals(Optional.of(ElfMachine.X86_64), ElfMachine.ofJavaOsArch("amd64"));
        assertEquals(Optional.of(ElfMachine.X86_64), ElfMachine.ofJavaOsArch("x86_64"));
        assertEquals(Optional.of(ElfMachine.AARCH64), ElfMachine.ofJavaOsArch("aarch64"));
        assertEquals(Optional.of(ElfMachine.AARCH64), ElfMachine.ofJavaOsArch("arm64"));
        assertEquals(Optional.of(ElfMachine.X86), ElfMachine.ofJavaOsArch("x86"));
        assertEquals(Optional.of(ElfMachine.X86), ElfMachine.ofJavaOsArch("i386"));
        assertEquals(Optional.of(ElfMachine.PPC64), ElfMachine.ofJavaOsArch("ppc64le"));
        assertEquals(Optional.of(ElfMachine.S390), ElfMachine.ofJavaOsArch("s390x"));
        assertEquals(Optional.empty(), ElfMachine.ofJavaOsArch("sparcv9"));
        // whatever JVM runs the tests must map
        assertEquals(true, ElfMachine.ofJavaOsArch(System.getProperty("os.arch")).isPresent());
    }
}
