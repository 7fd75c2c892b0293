package io.nativebundle.loader.internal.tenant;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Constants;

/**
 * The file a bundle was installed from, read from its location string.
 *
 * <p>Understands the forms FileInstall and Felix write: {@code file:/srv/plugins/acme/x.jar}
 * (FileInstall's {@code File.toURI()}), {@code file:///…}, {@code reference:file:…},
 * wrappers such as {@code blueprint:file:…} and {@code wrap:file:…$Bundle-SymbolicName=…},
 * {@code jardir:/…} (an exploded bundle) and a bare file-system path. Any other scheme
 * ({@code mvn:}, {@code http:}, an id given to {@code installBundle(location, stream)}) names no
 * local file.
 */
final class BundleLocation {

    /** A scheme of two characters or more, so that a Windows drive letter is not taken for one. */
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):");

    private BundleLocation() {
    }

    static Optional<Path> fileOf(String location) {
        if (location == null || location.isBlank() || location.equals(Constants.SYSTEM_BUNDLE_LOCATION)) {
            return Optional.empty();
        }
        String rest = location.trim();
        while (true) {
            Matcher m = SCHEME.matcher(rest);
            if (!m.find()) {
                return path(rest);
            }
            String scheme = m.group(1).toLowerCase(Locale.ROOT);
            if (scheme.equals("file")) {
                return fileUri(cutWrapInstructions(rest));
            }
            String inner = rest.substring(m.end());
            if (scheme.equals("jardir")) {
                return inner.startsWith("file:") ? fileUri(inner) : path(inner);
            }
            if (!SCHEME.matcher(inner).find()) {
                // mvn:g/a/v, http://host/x.jar, or an id such as test:acme: no local file
                return Optional.empty();
            }
            rest = inner; // a wrapper around another URL: reference:file:…, blueprint:file:…
        }
    }

    /** {@code wrap:} appends its instructions after a '$'. */
    private static String cutWrapInstructions(String uri) {
        int dollar = uri.indexOf('$');
        return dollar < 0 ? uri : uri.substring(0, dollar);
    }

    private static Optional<Path> fileUri(String text) {
        try {
            URI uri = new URI(text);
            if (!uri.isOpaque()) {
                if (uri.getRawAuthority() != null && !uri.getRawAuthority().isEmpty()) {
                    return Optional.empty(); // file://host/…: not a local file
                }
                return Optional.of(Path.of(new URI("file", null, uri.getPath(), null)).toAbsolutePath().normalize());
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // not a well-formed URI (e.g. an unencoded space): read it as a path below
        }
        String raw = text.substring("file:".length());
        if (raw.startsWith("//")) {
            raw = raw.substring(2);
            if (!raw.startsWith("/")) {
                return Optional.empty();
            }
        }
        return path(raw);
    }

    private static Optional<Path> path(String text) {
        try {
            return Optional.of(Path.of(text).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
