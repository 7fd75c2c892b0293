package io.nativebundle.examples.abitest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.junit.Assume.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The linux/aarch64 build of abitest, run: a C driver (src/test/c/abitest_driver.c), built with
 * the cross compiler and linked against this module's aarch64 {@code libabitest.so}, runs under
 * Debian's {@code qemu-aarch64} with the cross C library ({@code -L /usr/aarch64-linux-gnu}) and
 * prints what each function returned; the lines must be what Java computes. This checks that the
 * aarch64 library loads and computes (unsigned wrap, out-parameters, structs by value in
 * registers and in memory, variadic longs and doubles) when called by the AAPCS64; it does not
 * call it from a JVM, which needs an aarch64 JVM.
 */
public class AbiTestUnderQemuTest {

    private static final String TARGET = "linux/aarch64";

    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void theAarch64LibraryComputesWhatJavaDoes() throws Exception {
        CCompiler cross = CCompiler.ofBuildTargets().stream().filter(c -> c.target().equals(TARGET)).findFirst()
                .orElse(null);
        assumeTrue("the build does not target " + TARGET + " (-Dnativebundle.targets)", cross != null);
        assumeTrue("this machine is " + TARGET + ": the library runs natively, in the itests", !cross.command().equals("gcc"));
        CCompiler.requireOnPath("qemu-aarch64", "the user-mode emulator for " + TARGET, "the " + TARGET
                + " library cannot be run", "qemu-user");

        Path library = Path.of("target/classes/native/linux/aarch64/libabitest.so").toAbsolutePath();
        assertTrue(library + " is built before the tests run", Files.isRegularFile(library));
        Path driver = cross.program(tmp.getRoot().toPath(), "abitest_driver",
                Files.readString(Path.of("src/test/c/abitest_driver.c")),
                "-I", Path.of("src/main/c").toAbsolutePath().toString(), "-L", library.getParent().toString(),
                "-Wl,-rpath," + library.getParent(), "-labitest");

        double ratio = -17 / 5.0;
        double mean = (3.0 * 2 + 6.0) / 3;
        assertEquals(List.of(
                "next_u8 0",
                "next_u64 0",
                "half_size " + Long.toUnsignedString(Long.divideUnsigned(-1L, 2)),
                "divmod 0 " + (-17 / 5) + " " + (-17 % 5) + " " + c(ratio),
                "point_add 41 0",
                "shape_moved 7 4 6 1.5 10 20 30",
                "sample_add 3 " + c(mean),
                "sum_var 6",
                "sum_var_doubles 0.75"), run(List.of("qemu-aarch64", "-L", "/usr/aarch64-linux-gnu", driver.toString())));
    }

    /** What C's {@code %.17g} prints for {@code value}, a double from 1e-4 to 1e17 (which {@code %g} writes without an exponent). */
    private static String c(double value) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(17)).stripTrailingZeros().toPlainString();
    }

    /** The output lines of {@code command}, which must exit 0 within a minute; stopped by its pid either way. */
    private static List<String> run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(1, TimeUnit.MINUTES)) {
                fail(command + " did not finish in a minute");
            }
            assertEquals(command + ":\n" + out, 0, p.exitValue());
            return out.lines().toList();
        } finally {
            p.destroyForcibly();
        }
    }
}
