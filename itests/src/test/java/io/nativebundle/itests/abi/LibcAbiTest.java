package io.nativebundle.itests.abi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeCallResult;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeLibraryRegistry;
import io.nativebundle.api.NativeStruct;
import io.nativebundle.api.NativeStructType;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.wrap.Drops;
import io.nativebundle.testsupport.osgi.Gogo;
import io.nativebundle.testsupport.osgi.Services;

/**
 * The C ABI real libraries use, through descriptors over the host's libc and libm: structs by
 * value ({@code div}, {@code ldiv}), out scalars ({@code frexp}), out structs
 * ({@code gettimeofday}, {@code uname}'s char arrays), unsigned results and errno
 * ({@code strtoul}); each checked against a result computed without native code, and the
 * {@code native:call} output the issue asks for.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LibcAbiTest extends AbstractIntegrationTest {

    /** A fixed folder: the class is loaded by Maven for {@code config()} and again inside the framework. */
    static final File PLUGINS = new File(NativeBundleOptions.WORK, "abi-libc/plugins");

    static final String[] LIBC = HostLibc.descriptor("c",
        "",
        "[structs]",
        "div_t = { quot: int, rem: int } size=8",
        "ldiv_t = { quot: long, rem: long }",
        "timeval = { tv_sec: long, tv_usec: long } size=16",
        "utsname = { sysname: byte[65], nodename: byte[65], release: byte[65], version: byte[65],"
                + " machine: byte[65], domainname: byte[65] } size=390",
        "",
        "[symbols]",
        "div = (int, int)div_t",
        "ldiv = (long, long)ldiv_t",
        "gettimeofday = (out timeval tv, pointer tz)int",
        "strtoul = (string s, pointer end, int base)size_t errno",
        "uname = (out utsname)int",
        "snprintf = (inout byte[] dst, size_t n, string fmt, ..., long, double, string)int");

    static final String[] LIBM = {
        "library = m",
        "system = libm.so.6",
        "version = 6",
        "",
        "[symbols]",
        "frexp = (double x, out int exp)double",
    };

    @Configuration
    public Option[] config() throws java.io.IOException {
        Drops.clean(PLUGINS);
        return NativeBundleOptions.withDropIns(PLUGINS, NativeBundleOptions.shell());
    }

    /** Drops the libc descriptor once: dropping it again would update its bundle under the other tests. */
    private void dropLibc() throws java.io.IOException {
        drop("c.nativebundle", LIBC);
    }

    private static synchronized void drop(String name, String... lines) throws java.io.IOException {
        if (!new File(PLUGINS, name).exists()) {
            Drops.drop(PLUGINS, name, lines);
        }
    }

    /** Runs a shell command once its library's services are there; fails with the shell's own error. */
    private String shell(String command) throws Exception {
        Gogo.Outcome outcome = Gogo.execute(context, command);
        if (outcome.failure() != null) {
            throw new AssertionError(command + " failed: " + outcome.failure(), outcome.failure());
        }
        return outcome.output().strip();
    }

    @Test
    public void divAndLdivReturnStructsByValueAgreeingWithJava() throws Exception {
        dropLibc();
        NativeFunction div = function("c", "div");
        NativeFunction ldiv = function("c", "ldiv");
        Random random = new Random(15);
        for (int i = 0; i < 1_000; i++) {
            int a = random.nextInt();
            int b = random.nextInt() | 1;
            NativeStruct r = (NativeStruct) div.invoke(a, b);
            assertEquals(a / b, r.get("quot"));
            assertEquals(a % b, r.get("rem"));
            long la = random.nextLong();
            long lb = random.nextLong() | 1;
            NativeStruct lr = (NativeStruct) ldiv.call(la, lb).value();
            assertEquals(la / lb, lr.get("quot"));
            assertEquals(la % lb, lr.get("rem"));
        }
        NativeStructType divT = div.signature().returnStructType().orElseThrow();
        assertEquals(8, divT.size());
        assertEquals("{quot=3, rem=2}", shell("native:call c div 17 5"));
    }

    @Test
    public void frexpWritesItsOutParameterAsMathGetExponentSays() throws Exception {
        drop("m.nativebundle", LIBM);
        NativeFunction frexp = function("m", "frexp");
        Random random = new Random(4);
        for (int i = 0; i < 1_000; i++) {
            double x = (random.nextDouble() - 0.5) * Math.pow(2, random.nextInt(200) - 100);
            if (x == 0 || !Double.isFinite(x) || Math.getExponent(x) < Double.MIN_EXPONENT) {
                continue;
            }
            NativeCallResult r = frexp.call(x);
            assertEquals(Math.getExponent(x) + 1, r.outValues().get("exp"));
            assertEquals(x, (Double) r.value() * Math.pow(2, (Integer) r.outValues().get("exp")), 0);
        }
        assertEquals("0.5\nexp=4", shell("native:call m frexp 8"));
    }

    @Test
    public void gettimeofdayFillsAnOutStructWithinOneSecondOfTheJvmsClock() throws Exception {
        dropLibc();
        NativeCallResult r = function("c", "gettimeofday").call(0L);
        assertEquals(0, r.value());
        NativeStruct tv = (NativeStruct) r.outValues().get("tv");
        long millis = TimeUnit.SECONDS.toMillis((Long) tv.get("tv_sec")) + (Long) tv.get("tv_usec") / 1000;
        assertTrue(tv.toString(), Math.abs(millis - System.currentTimeMillis()) < 1000);
    }

    @Test
    public void strtoulOnEdgeValuesWithErrno() throws Exception {
        dropLibc();
        NativeFunction strtoul = function("c", "strtoul");
        Map<String, Long> cases = Map.of("0", 0L, "4294967295", 4294967295L, "4294967296", 4294967296L,
                "9223372036854775808", Long.MIN_VALUE, "18446744073709551615", -1L, "0xffffffffffffffff", -1L,
                "-1", -1L);
        cases.forEach((text, expected) -> assertEquals(text, expected,
                strtoul.call(text, 0L, text.startsWith("0x") ? 16 : 10).value()));
        NativeCallResult over = strtoul.call("18446744073709551616", 0L, 10);
        assertEquals(-1L, over.value());
        assertEquals(OptionalInt.of(34), over.errno());
        String shell = shell("native:call c strtoul 18446744073709551616 0 10");
        assertEquals("18446744073709551615\nerrno=34 (Numerical result out of range)", shell);
    }

    @Test
    public void aLibraryOutOfProcessRefusesAStructItsHostCannotCarryNamingSymbolAndType() throws Exception {
        java.nio.file.Path descriptor = Drops.drop(PLUGINS, "cp.nativebundle", HostLibc.descriptor("cp",
                "isolation = process", "",
                "[structs]", "div_t = { quot: int, rem: int }", "", "[symbols]", "abs = (int)int",
                "div = (int, int)div_t"));
        NativeLibraryRegistry registry = service(NativeLibraryRegistry.class, null);
        Bundle bundle = Drops.await("cp.nativebundle wrapped", () -> Drops.installedFrom(context, descriptor));
        NativeBundleStatus status = Drops.await("cp refused", () -> registry.status(bundle.getBundleId())
                .filter(s -> s.reason().isPresent()).orElse(null));
        assertEquals(java.util.Optional.of(RefusalReason.LOAD_FAILED), status.reason());
        assertTrue(status.detail(), status.detail().contains("function 'div' of library 'cp' is declared"
                + " (int,int)div_t{quot:int,rem:int}; a library that runs out of process (isolation=process) cannot"
                + " carry 'div_t'"));
        Services.awaitAbsent(context, NativeFunction.class, "(nativebundle.library=cp)");
        // the libc loaded in process is undisturbed
        dropLibc();
        assertEquals("{quot=3, rem=2}", function("c", "div").invoke(17, 5).toString());
    }

    @Test
    public void snprintfIsCalledWithTheVariadicArgumentsOfItsDeclarationAsStringFormatSays() throws Exception {
        dropLibc();
        NativeFunction snprintf = function("c", "snprintf");
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            long n = random.nextLong();
            double d = random.nextDouble() * 1e6;
            byte[] out = new byte[128];
            NativeCallResult r = snprintf.call(out, (long) out.length, "%ld %.4f %s", n, d, "end");
            String expected = String.format(java.util.Locale.ROOT, "%d %.4f %s", n, d, "end");
            assertEquals(expected.length(), r.value());
            assertEquals(expected, new String(out, 0, expected.length(), StandardCharsets.US_ASCII));
            assertTrue(r.outValues().get("dst") == out);
        }
    }

    @Test
    public void unameFillsAStructOfCharArraysAsUnameSays() throws Exception {
        dropLibc();
        NativeCallResult r = function("c", "uname").call();
        assertEquals(0, r.value());
        NativeStruct u = (NativeStruct) r.outValues().get("arg1");
        Process uname = new ProcessBuilder("uname", "-s").redirectErrorStream(true).start();
        try {
            String expected = new String(uname.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertTrue(uname.waitFor(30, TimeUnit.SECONDS));
            assertEquals(expected, u.string("sysname"));
        } finally {
            uname.destroyForcibly();
        }
        assertEquals(System.getProperty("os.version"), u.string("release"));
    }
}
