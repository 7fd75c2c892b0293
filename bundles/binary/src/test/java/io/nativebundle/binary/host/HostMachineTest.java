package io.nativebundle.binary.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.ByteOrder;

import org.junit.Test;

import io.nativebundle.binary.ElfClass;
import io.nativebundle.binary.ElfMachine;

/** os.arch to ELF machine and OSGi processor: the one mapping itests and benchmarks used to repeat. */
public class HostMachineTest {

    @Test
    public void javaArchitecturesMapToMachinesAndProcessors() {
        assertMachine("amd64", "64", ElfMachine.X86_64, "x86-64", ElfClass.ELF64);
        assertMachine("x86_64", "64", ElfMachine.X86_64, "x86-64", ElfClass.ELF64);
        assertMachine("aarch64", "64", ElfMachine.AARCH64, "aarch64", ElfClass.ELF64);
        assertMachine("arm64", "", ElfMachine.AARCH64, "aarch64", ElfClass.ELF64);
        assertMachine("i686", "32", ElfMachine.X86, "x86", ElfClass.ELF32);
        assertMachine("ppc64le", "64", ElfMachine.PPC64, "ppc64", ElfClass.ELF64);
        assertMachine("riscv64", "", ElfMachine.RISCV, "riscv64", ElfClass.ELF64);
    }

    @Test
    public void anUnknownArchitectureIsSaidToBeUnknown() {
        HostMachine m = HostMachine.of("sparcv9", "64", ByteOrder.BIG_ENDIAN);
        assertFalse(m.isKnown());
        assertEquals(ElfMachine.OTHER, m.machine());
        assertEquals("unknown", m.osgiProcessor());
        assertEquals("unknown ELF64 big-endian (os.arch sparcv9)", m.describe());
        assertFalse(HostMachine.of(null, null, ByteOrder.LITTLE_ENDIAN).isKnown());
    }

    @Test
    public void thisJvm() {
        HostMachine m = HostMachine.current();
        assertEquals(System.getProperty("os.arch"), m.osArch());
        assertEquals(ElfMachine.ofJavaOsArch(System.getProperty("os.arch")).orElse(ElfMachine.OTHER), m.machine());
        assertEquals(ByteOrder.nativeOrder(), m.byteOrder());
        assertEquals("64".equals(System.getProperty("sun.arch.data.model")) ? ElfClass.ELF64 : ElfClass.ELF32,
                m.elfClass());
        assertTrue(m.describe(), m.describe().endsWith("(os.arch " + System.getProperty("os.arch") + ")"));
    }

    private static void assertMachine(String osArch, String model, ElfMachine machine, String processor,
            ElfClass elfClass) {
        HostMachine m = HostMachine.of(osArch, model, ByteOrder.LITTLE_ENDIAN);
        assertEquals(osArch, machine, m.machine());
        assertEquals(osArch, processor, m.osgiProcessor());
        assertEquals(osArch, elfClass, m.elfClass());
        assertTrue(osArch, m.isKnown());
    }
}
