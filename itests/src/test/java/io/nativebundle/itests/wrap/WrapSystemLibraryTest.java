package io.nativebundle.itests.wrap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.binary.SystemLibraries;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.osgi.Services;
import io.nativebundle.wrap.WrapRefusal;
import io.nativebundle.wrap.WrapStatus;

/**
 * The drop-in path on a library this project did not write: a descriptor alone wraps the host's
 * {@code libz.so.1} ({@code system =}), and a copy of the same file dropped beside a descriptor
 * is wrapped as a bundled third-party library, which carries no nativebundle build note. Both
 * become {@code NativeFunction} services; a descriptor naming a symbol libz lacks is refused.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WrapSystemLibraryTest extends AbstractIntegrationTest {

    /** A fixed folder: the class is loaded by Maven for {@code config()} and again inside the framework. */
    static final File PLUGINS = new File(NativeBundleOptions.WORK, "wrap-system/plugins");

    static final String[] LIBZ = {
        "library = z",
        "system = libz.so.1",
        "version = [1.2,2)",
        "version-symbol = zlibVersion",
        "",
        "[symbols]",
        "crc32 = (long,buffer,int)long",
        "zlibVersion = ()string",
    };

    @Configuration
    public Option[] config() throws java.io.IOException {
        Drops.clean(PLUGINS);
        return NativeBundleOptions.withDropIns(PLUGINS);
    }

    @Test
    public void aDescriptorAloneWrapsTheHostsLibz() throws Exception {
        Drops.drop(new File(PLUGINS, "acme"), "libz.nativebundle", LIBZ);
        ServiceReference<NativeFunction> crc32 = Services.await(context, NativeFunction.class,
                "(&(nativebundle.namespace=acme/z/v1)(nativebundle.symbol=crc32))");
        assertEquals("z", crc32.getProperty(NativeBundleConstants.LIBRARY));
        byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
        assertEquals(907060870L, context.getService(crc32).invoke(0L, hello, hello.length));

        ServiceReference<NativeFunction> version = Services.await(context, NativeFunction.class,
                "(&(nativebundle.namespace=acme/z/v1)(nativebundle.symbol=zlibVersion))");
        String text = (String) context.getService(version).invoke();
        assertTrue(text, text.startsWith("1."));
        assertEquals(org.osgi.framework.Version.parseVersion(text), crc32.getProperty(NativeBundleConstants.VERSION));
    }

    @Test
    public void aCopyOfLibzDroppedWithItsDescriptorIsWrappedThoughItHasNoBuildNote() throws Exception {
        Path host = hostLibz();
        // libz.so.1.2.13 -> 1.2.13: the version the vendor would write in the descriptor
        String version = host.getFileName().toString().substring("libz.so.".length());
        File vendor = new File(PLUGINS, "vendor");
        Drops.drop(vendor, "libz.so", Files.readAllBytes(host));
        Drops.drop(vendor, "libz.nativebundle", "library = z", "version = " + version, "", "[symbols]",
                "crc32 = (long,buffer,int)long", "adler32 = (long,buffer,int)long", "compressBound = (long)long");
        ServiceReference<NativeFunction> crc32 = Services.await(context, NativeFunction.class,
                "(&(nativebundle.namespace=vendor/z/v1)(nativebundle.symbol=crc32))");
        byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
        assertEquals(907060870L, context.getService(crc32).invoke(0L, hello, hello.length));
        ServiceReference<NativeFunction> adler32 = Services.await(context, NativeFunction.class,
                "(&(nativebundle.namespace=vendor/z/v1)(nativebundle.symbol=adler32))");
        java.util.zip.Adler32 expected = new java.util.zip.Adler32();
        expected.update(hello);
        assertEquals(expected.getValue(), context.getService(adler32).invoke(1L, hello, hello.length));
        assertEquals(org.osgi.framework.Version.parseVersion(version), crc32.getProperty(NativeBundleConstants.VERSION));

        String sha256 = sha256(Files.readAllBytes(host));
        assertEquals("the loader verified the very file dropped", sha256, crc32.getProperty(NativeBundleConstants.SHA256));
        Bundle bundle = Arrays.stream(context.getBundles())
                .filter(b -> "nativebundle.wrapped.vendor.z".equals(b.getSymbolicName())).findFirst().orElseThrow();
        assertEquals("libz.nativebundle", bundle.getHeaders("").get(NativeBundleConstants.HEADER_WRAPPED));
        String digest = bundle.getHeaders("").get(NativeBundleConstants.HEADER_DIGEST);
        assertTrue(digest, digest.contains("sha256=" + sha256));
    }

    /** The host's real libz file, e.g. /usr/lib/x86_64-linux-gnu/libz.so.1.2.13. */
    private static Path hostLibz() throws Exception {
        return SystemLibraries.forThisJvm().find("libz.so.1")
                .orElseThrow(() -> new AssertionError("no libz.so.1 on this host; install zlib1g")).toRealPath();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    public void aSymbolLibzDoesNotExportIsRefusedWithItsLine() throws Exception {
        String[] lines = Arrays.copyOf(LIBZ, LIBZ.length);
        lines[6] = "crc33 = (long,buffer,int)long";
        Path descriptor = Drops.drop(new File(PLUGINS, "bad"), "libz.nativebundle", lines);
        WrapStatus status = service(WrapStatus.class, null);
        WrapRefusal refusal = Drops.await("a refusal", () -> status.refusal(descriptor).orElse(null));
        assertTrue(refusal.message(), refusal.message().startsWith(
                "libz.nativebundle:7:1: symbol 'crc33' is not exported by libz.so.1"));
        assertEquals(null, Drops.installedFrom(context, descriptor));
    }
}
