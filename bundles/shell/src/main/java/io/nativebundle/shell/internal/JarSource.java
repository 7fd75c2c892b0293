package io.nativebundle.shell.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * The local file behind what {@code native:verify} was given: a {@code file:} URL, a plain path
 * (relative to the shell's current folder), or any other URL the JVM can open, which is
 * downloaded to a temporary file that {@link #close()} deletes.
 */
final class JarSource implements AutoCloseable {

    /** A URL scheme: two characters at least, so that {@code C:\x.jar} stays a path. */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");
    private static final int TIMEOUT_MS = 30_000;

    private final Path path;
    private final boolean temporary;

    private JarSource(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    /**
     * @throws IllegalArgumentException when the file does not exist or the URL is malformed
     * @throws IOException when a download fails
     */
    static JarSource open(String location, Path currentDir) throws IOException {
        if (isFileUrl(location)) {
            return local(fileUrl(location, currentDir), location);
        }
        if (SCHEME.matcher(location).find()) {
            return download(location);
        }
        return local(currentDir.resolve(location), location);
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (temporary) {
            Files.deleteIfExists(path);
        }
    }

    private static boolean isFileUrl(String location) {
        return location.regionMatches(true, 0, "file:", 0, 5);
    }

    private static Path fileUrl(String location, Path currentDir) {
        try {
            URI uri = new URI(location);
            if (uri.isOpaque()) {
                // file:plugins/math.jar: a relative path
                return currentDir.resolve(uri.getSchemeSpecificPart());
            }
            return Path.of(uri);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + location + "' is not a usable file: URL (" + e.getMessage()
                    + "); write file:/absolute/path.jar or a plain path");
        }
    }

    private static JarSource local(Path path, String location) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no such file: " + path.toAbsolutePath()
                    + (isFileUrl(location) ? " (from " + location + ")" : ""));
        }
        return new JarSource(path, false);
    }

    private static JarSource download(String location) throws IOException {
        URLConnection connection;
        try {
            connection = new URI(location).toURL().openConnection();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + location + "' is not a valid URL: " + e.getMessage());
        }
        connection.setConnectTimeout(TIMEOUT_MS);
        connection.setReadTimeout(TIMEOUT_MS);
        Path file = Files.createTempFile("nativebundle-verify-", ".jar");
        try (InputStream in = connection.getInputStream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return new JarSource(file, true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw new IOException("cannot download " + location + ": " + e, e);
        }
    }
}
