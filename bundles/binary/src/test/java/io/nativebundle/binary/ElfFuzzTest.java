package io.nativebundle.binary;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;

/**
 * Seeded mutation fuzzing of the real fixtures: random bit flips, interesting values written
 * over header and table fields, splices and truncations. Every input must parse or be refused
 * with an {@link ElfFormatException}; nothing may hang. Each iteration has its own seed, so a
 * failure message names everything needed to replay it.
 */
public class ElfFuzzTest {

    // overridable for longer campaigns: -Dnativebundle.fuzz.seed=... -Dnativebundle.fuzz.iterations=...
    private static final long SEED = Long.getLong("nativebundle.fuzz.seed", 0x6e617469766562L); // "nativeb"
    private static final int ITERATIONS = Integer.getInteger("nativebundle.fuzz.iterations", 20_000);
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(Long.getLong("nativebundle.fuzz.seconds", 20));
    private static final long[] INTERESTING = {0, 1, 2, 4, 8, 0x10, 0x18, 0x40, 0x7f, 0x80, 0xff, 0x100, 0x7fff,
        0x8000, 0xffff, 0x10000, 0x7fffffffL, 0x80000000L, 0xfffffffeL, 0xffffffffL, 0x100000000L,
        Long.MAX_VALUE, Long.MIN_VALUE, -1L, -2L};

    private final List<byte[]> bases = List.of(Fixtures.bytes(Fixtures.x8664()), Fixtures.bytes(Fixtures.aarch64()),
            Fixtures.bytes(Fixtures.elf32()), Fixtures.bytes(Fixtures.bigEndian()));

    private final AtomicLong current = new AtomicLong(-1);

    @Test
    public void seededMutationsParseOrAreRefused() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "elf-fuzz");
            t.setDaemon(true); // a hung parse must not keep the test JVM alive
            return t;
        });
        try {
            Future<int[]> run = worker.submit(this::fuzz);
            int[] counts;
            try {
                counts = run.get(BUDGET_NANOS + TimeUnit.SECONDS.toNanos(30), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("the parser hung on iteration " + current.get() + " (seed " + SEED + ")");
            } catch (ExecutionException e) {
                throw new AssertionError(e.getCause().getMessage(), e.getCause());
            }
            int iterations = counts[0] + counts[1];
            System.out.println("fuzz: " + iterations + " inputs, " + counts[0] + " parsed, " + counts[1] + " refused");
            assertTrue("only " + iterations + " iterations ran", iterations >= 2_000);
            assertTrue("no mutation was refused", counts[1] > iterations / 10);
            assertTrue("no mutation was benign", counts[0] > 0);
        } finally {
            worker.shutdownNow();
        }
    }

    private int[] fuzz() {
        long deadline = System.nanoTime() + BUDGET_NANOS;
        int parsed = 0;
        int refused = 0;
        for (int i = 0; i < ITERATIONS && System.nanoTime() < deadline; i++) {
            current.set(i);
            Random random = new Random(SEED ^ (i * 0x9e3779b97f4a7c15L)); // spread seeds: SEED+1 is a new campaign
            byte[] data = bases.get(random.nextInt(bases.size())).clone();
            int mutations = 1 + random.nextInt(4);
            StringBuilder what = new StringBuilder("iteration " + i + " (seed " + SEED + "):");
            for (int m = 0; m < mutations; m++) {
                data = mutate(data, random, what);
            }
            long start = System.nanoTime();
            if (ElfFormatAssert.rejectsOrParses(data, "fuzz.so", what.toString())) {
                refused++;
            } else {
                parsed++;
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (millis > 5_000) {
                fail(what + " took " + millis + " ms to parse");
            }
        }
        return new int[] {parsed, refused};
    }

    private static byte[] mutate(byte[] data, Random random, StringBuilder what) {
        if (data.length == 0) {
            return data;
        }
        int at = position(data, random);
        switch (random.nextInt(6)) {
            case 0 -> {
                int bit = random.nextInt(8);
                data[at] ^= (byte) (1 << bit);
                what.append(" flip bit ").append(bit).append(" at ").append(at);
            }
            case 1 -> {
                data[at] = (byte) random.nextInt(256);
                what.append(" random byte at ").append(at);
            }
            case 2, 3 -> {
                long v = INTERESTING[random.nextInt(INTERESTING.length)];
                int width = 1 << (1 + random.nextInt(3));
                boolean little = data.length > 5 && data[5] != 2;
                for (int k = 0; k < width && at + k < data.length; k++) {
                    int shift = 8 * (little ? k : width - 1 - k);
                    data[at + k] = (byte) (v >>> shift);
                }
                what.append(" write ").append(Long.toHexString(v)).append(" (").append(width).append(" bytes) at ").append(at);
            }
            case 4 -> {
                int from = random.nextInt(data.length);
                int length = Math.min(random.nextInt(64) + 1, Math.min(data.length - from, data.length - at));
                System.arraycopy(data, from, data, at, length);
                what.append(" splice ").append(length).append(" bytes from ").append(from).append(" to ").append(at);
            }
            default -> {
                int length = random.nextInt(data.length);
                what.append(" truncate to ").append(length);
                return Arrays.copyOf(data, length);
            }
        }
        return data;
    }

    // Half of the mutations hit the ELF header or the section header table at the end, where a
    // single changed field reaches the most code.
    private static int position(byte[] data, Random random) {
        int choice = random.nextInt(4);
        if (choice == 0) {
            return random.nextInt(Math.min(64, data.length));
        }
        if (choice == 1) {
            int tail = Math.min(data.length, 2048);
            return data.length - 1 - random.nextInt(tail);
        }
        return random.nextInt(data.length);
    }
}
