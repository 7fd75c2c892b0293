package io.nativebundle.itests.abi;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import io.nativebundle.api.NativeCallback;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.wrap.Drops;

/**
 * libcurl on a {@code file://} URL with a Java write callback collecting the body, against
 * {@code Files.readAllBytes}; no network is used. {@code curl_easy_setopt} is variadic and a
 * descriptor declares one argument list per symbol, so two descriptors over the same
 * libcurl.so.4 declare it: one passing a string (the URL), one a callback (the write function).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CurlCallbackTest extends AbstractIntegrationTest {

    static final File PLUGINS = new File(NativeBundleOptions.WORK, "abi-curl/plugins");
    private static final int CURLOPT_URL = 10002;
    private static final int CURLOPT_WRITEFUNCTION = 20011;

    static final String[] CURL = {
        "library = curl",
        "system = libcurl.so.4",
        "version = 4",
        "",
        "[callbacks]",
        "write = (pointer data, size_t size, size_t count, pointer user)size_t",
        "",
        "[symbols]",
        "curl_easy_init = ()pointer",
        "curl_easy_setopt = (pointer handle, int option, ..., write)int",
        "curl_easy_perform = (pointer handle)int",
        "curl_easy_cleanup = (pointer handle)void",
    };

    static final String[] CURL_URL = {
        "library = curlurl",
        "system = libcurl.so.4",
        "version = 4",
        "",
        "[symbols]",
        "curl_easy_setopt = (pointer handle, int option, ..., string)int",
    };

    static final String[] LIBC = HostLibc.descriptor("c",
        "",
        "[symbols]",
        "memcpy = (out byte[] dst, pointer src, size_t n)pointer");

    @Configuration
    public Option[] config() throws java.io.IOException {
        Drops.clean(PLUGINS);
        Drops.drop(PLUGINS, "curl.nativebundle", CURL);
        Drops.drop(PLUGINS, "curlurl.nativebundle", CURL_URL);
        Drops.drop(PLUGINS, "c.nativebundle", LIBC);
        return NativeBundleOptions.withDropIns(PLUGINS, NativeBundleOptions.shell());
    }

    @Test
    public void aFileUrlsBodyArrivesThroughAJavaWriteCallback() throws Exception {
        Path file = Files.createTempFile(NativeBundleOptions.WORK.toPath(), "curl", ".bin");
        try {
            byte[] content = new byte[300_000];
            new Random(20).nextBytes(content);
            Files.write(file, content);
            NativeFunction memcpy = function("c", "memcpy");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            NativeCallback write = args -> {
                long n = (Long) args[1] * (Long) args[2];
                byte[] chunk = new byte[(int) n];
                memcpy.call(chunk, args[0], n);
                body.write(chunk);
                return n;
            };
            long handle = (Long) function("curl", "curl_easy_init").invoke();
            assertNotEquals(0L, handle);
            try {
                assertEquals(0, function("curlurl", "curl_easy_setopt").invoke(handle, CURLOPT_URL,
                        file.toUri().toString()));
                assertEquals(0, function("curl", "curl_easy_setopt").invoke(handle, CURLOPT_WRITEFUNCTION, write));
                assertEquals(0, function("curl", "curl_easy_perform").invoke(handle));
            } finally {
                function("curl", "curl_easy_cleanup").invoke(handle);
            }
            assertArrayEquals(Files.readAllBytes(file), body.toByteArray());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
