package io.nativebundle.itests.wrap;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.jar.JarFile;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.Await;
import io.nativebundle.testsupport.osgi.Gogo;

/**
 * Files dropped into a watched plugins folder the way a user would, but atomically (written
 * elsewhere, then moved in), so FileInstall never sees half a file; and waits with a bound.
 */
public final class Drops {

    static final long TIMEOUT_MS = 15_000;

    /** The descriptor of the math example's real libmath.so: library math 1.2.0 in its build note. */
    static final String[] MATH = {
        "# libmath.nativebundle: the math example's library, without its Java",
        "library = math",
        "version = 1.2.0",
        "",
        "[symbols]",
        "add = (int,int)int",
        "multiply = (int, int) int",
        "greet = (string)string",
        "",
        "[variables]",
        "counter = int",
    };

    private Drops() {
    }

    /** Empties (or creates) a plugins folder, so a run starts from what the test drops. */
    public static void clean(File folder) throws IOException {
        if (folder.exists()) {
            try (var files = Files.walk(folder.toPath())) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(folder.toPath());
    }

    /** The built libmath.so for x86-64, taken from the math example's jar. */
    static byte[] libmath() throws IOException {
        try (JarFile jar = new JarFile(NativeBundleOptions.jar("math"))) {
            try (InputStream in = jar.getInputStream(jar.getEntry("native/linux/x86-64/libmath.so"))) {
                return in.readAllBytes();
            }
        }
    }

    public static Path drop(File folder, String name, byte[] content) throws IOException {
        Files.createDirectories(folder.toPath());
        Path staging = Files.createTempFile(NativeBundleOptions.WORK.toPath(), "drop-", ".tmp");
        Files.write(staging, content);
        return Files.move(staging, folder.toPath().resolve(name), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    public static Path drop(File folder, String name, String... lines) throws IOException {
        return drop(folder, name, (String.join("\n", lines) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** {@link #MATH} with one line replaced (1-based) and the rest unchanged, so line numbers stay. */
    static String[] mathWith(int line, String replacement) {
        String[] lines = Arrays.copyOf(MATH, MATH.length);
        lines[line - 1] = replacement;
        return lines;
    }

    /** The bundle FileInstall installed from {@code descriptor}: its location is the descriptor's URL. */
    public static Bundle installedFrom(BundleContext context, Path descriptor) {
        // FileInstall's form: File.toURI() ("file:/..."), not Path.toUri() ("file:///...")
        String location = descriptor.toAbsolutePath().normalize().toFile().toURI().normalize().toString();
        return Arrays.stream(context.getBundles()).filter(b -> b.getLocation().equals(location)).findFirst().orElse(null);
    }

    /**
     * Runs a {@code native:} command on a dropped library once the shell can find it: the loader
     * lists a library in its registry just after it registered the library's services.
     */
    public static String call(BundleContext context, String command) {
        return await(command, () -> {
            Gogo.Outcome call = Gogo.execute(context, command);
            return call.failure() == null ? call.output() : null;
        });
    }

    /** Waits for a value that is neither null nor {@code false}. */
    public static <T> T await(String what, Callable<T> probe) {
        return Await.value(what, Duration.ofMillis(TIMEOUT_MS), () -> {
            T value = probe.call();
            return Boolean.FALSE.equals(value) ? null : value;
        });
    }
}
