package io.nativebundle.itests.abi;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import java.io.File;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import io.nativebundle.api.NativeCallResult;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.wrap.Drops;

/**
 * OpenSSL's one-shot {@code EVP_Digest} through a descriptor over the host's libcrypto.so.3
 * (Debian's libssl3 or libssl3t64, which scripts/install-toolchain.sh installs): opaque
 * {@code EVP_MD *} pointers from {@code EVP_sha256()} and its siblings, the input as an in array,
 * the digest as an out array the caller sizes and its length as an {@code out uint}, checked
 * against {@code java.security.MessageDigest} on random inputs of 0 to 1 MiB, from six threads
 * at once.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LibcryptoDigestTest extends AbstractIntegrationTest {

    static final File PLUGINS = new File(NativeBundleOptions.WORK, "abi-libcrypto/plugins");

    /** EVP_MAX_MD_SIZE of OpenSSL 3: the largest digest any EVP_MD writes. */
    static final int EVP_MAX_MD_SIZE = 64;

    static final String[] LIBCRYPTO = {
        "library = crypto",
        "system = libcrypto.so.3",
        "version = [3,4)",
        "",
        "[symbols]",
        "EVP_md5 = ()pointer",
        "EVP_sha1 = ()pointer",
        "EVP_sha256 = ()pointer",
        "EVP_sha512 = ()pointer",
        "# int EVP_Digest(const void *data, size_t count, unsigned char *md, unsigned int *size,",
        "#                const EVP_MD *type, ENGINE *impl)",
        "EVP_Digest = (byte[] data, size_t count, out byte[] md, out uint size, pointer type, pointer impl)int",
    };

    /** The JCA name of each digest and the libcrypto function that returns its EVP_MD. */
    static final String[][] DIGESTS = {
        {"MD5", "EVP_md5"}, {"SHA-1", "EVP_sha1"}, {"SHA-256", "EVP_sha256"}, {"SHA-512", "EVP_sha512"},
    };

    @Configuration
    public Option[] config() throws java.io.IOException {
        Drops.clean(PLUGINS);
        Drops.drop(PLUGINS, "crypto.nativebundle", LIBCRYPTO);
        return NativeBundleOptions.withDropIns(PLUGINS, NativeBundleOptions.shell());
    }

    /** The digest of {@code data} by libcrypto, trimmed to the length it reports. */
    private static byte[] evpDigest(NativeFunction evpDigest, long md, byte[] data) {
        byte[] out = new byte[EVP_MAX_MD_SIZE];
        NativeCallResult result = evpDigest.call(data, (long) data.length, out, md, 0L);
        assertEquals("EVP_Digest returns 1 on success", 1, result.value());
        long size = (Long) result.outValues().get("size");
        return Arrays.copyOf(out, (int) size);
    }

    @Test
    public void evpDigestAgreesWithMessageDigestOnEdgeLengths() throws Exception {
        NativeFunction evpDigest = function("crypto", "EVP_Digest");
        for (String[] digest : DIGESTS) {
            long md = (Long) function("crypto", digest[1]).invoke();
            assertNotEquals(digest[1] + " returns an EVP_MD", 0L, md);
            for (int length : new int[] {0, 1, 55, 56, 63, 64, 65, 127, 128, 129, 1 << 20}) {
                byte[] data = random(length, length * 31L + digest[0].hashCode());
                assertArrayEquals(digest[0] + " of " + length + " bytes",
                        MessageDigest.getInstance(digest[0]).digest(data), evpDigest(evpDigest, md, data));
            }
        }
    }

    @Test
    public void sixThreadsDigestRandomInputsUpToOneMebibyte() throws Exception {
        NativeFunction evpDigest = function("crypto", "EVP_Digest");
        long[] mds = new long[DIGESTS.length];
        for (int d = 0; d < DIGESTS.length; d++) {
            mds[d] = (Long) function("crypto", DIGESTS[d][1]).invoke();
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                long seed = 1000L * t;
                results.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    int checked = 0;
                    for (int i = 0; i < 24; i++) {
                        int d = (int) ((seed / 1000 + i) % DIGESTS.length);
                        byte[] data = random(random.nextInt((1 << 20) + 1), seed + i);
                        assertArrayEquals(DIGESTS[d][0] + " of " + data.length + " bytes",
                                MessageDigest.getInstance(DIGESTS[d][0]).digest(data),
                                evpDigest(evpDigest, mds[d], data));
                        checked++;
                    }
                    return checked;
                }));
            }
            int checked = 0;
            for (Future<Integer> result : results) {
                checked += result.get();
            }
            assertEquals(6 * 24, checked);
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] random(int length, long seed) {
        byte[] data = new byte[length];
        new Random(seed).nextBytes(data);
        return data;
    }
}
