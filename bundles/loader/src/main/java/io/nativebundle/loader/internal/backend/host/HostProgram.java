package io.nativebundle.loader.internal.backend.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.binary.host.HostMachine;
import io.nativebundle.contract.Sha256;
import io.nativebundle.loader.internal.LoadRefusal;

/**
 * The files of the native host, shipped inside the loader bundle under
 * {@code host/linux/<processor>/} with the SHA-256 the build wrote beside each
 * ({@code <file>.sha256}): {@code nativebundle-host} and {@code libnativebundle-futex.so}. They
 * are copied out of the bundle into the runtime's own cache folder (a bundle's entries cannot be
 * executed where they are, in any framework), and each copy's digest is checked against the
 * build's before it is executed or opened, every time: the cache folder is writable.
 */
final class HostProgram {

    static final String EXECUTABLE = "nativebundle-host";
    static final String FUTEX = "libnativebundle-futex.so";

    private final Path executable;
    private final String executableSha256;
    private final Path futex;
    private final String futexSha256;

    private HostProgram(Path executable, String executableSha256, Path futex, String futexSha256) {
        this.executable = executable;
        this.executableSha256 = executableSha256;
        this.futex = futex;
        this.futexSha256 = futexSha256;
    }

    /**
     * Copies this machine's files from the loader's class loader into {@code folder}.
     *
     * @throws LoadRefusal {@code LOAD_FAILED} when this runtime has no host for this machine, or
     *                     the copies cannot be written
     */
    static HostProgram extract(ClassLoader loader, Path folder) throws LoadRefusal {
        String processor = HostMachine.current().osgiProcessor();
        String base = "host/linux/" + processor + "/";
        try {
            Files.createDirectories(folder);
            Path executable = copy(loader, base, EXECUTABLE, folder, processor);
            Path futex = copy(loader, base, FUTEX, folder, processor);
            HostProgram program = new HostProgram(executable, expected(loader, base, EXECUTABLE),
                    futex, expected(loader, base, FUTEX));
            program.verify(executable, program.executableSha256);
            program.verify(futex, program.futexSha256);
            return program;
        } catch (IOException e) {
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "cannot copy the native host into " + folder + ": " + e);
        }
    }

    /** The executable, after its digest was checked again. */
    Path executable() throws LoadRefusal {
        verify(executable, executableSha256);
        return executable;
    }

    /** The futex helper library, after its digest was checked again. */
    Path futex() throws LoadRefusal {
        verify(futex, futexSha256);
        return futex;
    }

    private void verify(Path file, String expected) throws LoadRefusal {
        String actual;
        try {
            actual = Sha256.of(file);
        } catch (IOException e) {
            throw new LoadRefusal(RefusalReason.DIGEST_MISMATCH, "cannot read the native host file " + file + ": " + e);
        }
        if (!actual.equals(expected)) {
            throw new LoadRefusal(RefusalReason.DIGEST_MISMATCH, "the native host file " + file + " has SHA-256 "
                    + actual + " but the build wrote " + expected + "; it was altered in the cache, nothing is executed");
        }
    }

    private static Path copy(ClassLoader loader, String base, String name, Path folder, String processor)
            throws IOException, LoadRefusal {
        URL url = loader.getResource(base + name);
        if (url == null) {
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "this runtime has no native host for linux/" + processor
                    + " (" + base + name + " is not in the loader bundle), so a library cannot run out of process"
                    + " here; build the runtime for this platform or run the library in process");
        }
        Path target = folder.resolve(name);
        Path part = Files.createTempFile(folder, "." + name + ".", ".part",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        // written into the file created executable above: a copy that replaced it would lose the mode
        try (InputStream in = url.openStream(); OutputStream out = Files.newOutputStream(part)) {
            in.transferTo(out);
        }
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
        return target;
    }

    /** The digest from {@code <name>.sha256}, as {@code sha256sum} writes it. */
    private static String expected(ClassLoader loader, String base, String name) throws IOException, LoadRefusal {
        URL url = loader.getResource(base + name + ".sha256");
        if (url == null) {
            throw new LoadRefusal(RefusalReason.DIGEST_MISMATCH, base + name + ".sha256 is not in the loader bundle;"
                    + " without the build's digest the native host is not executed");
        }
        try (InputStream in = url.openStream()) {
            String line = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
            String digest = line.split("\\s+", 2)[0];
            if (!Sha256.isDigest(digest)) {
                throw new LoadRefusal(RefusalReason.DIGEST_MISMATCH, base + name + ".sha256 holds '" + line
                        + "'; expected 64 hex digits");
            }
            return Sha256.normalize(digest);
        }
    }
}
