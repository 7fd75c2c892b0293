package io.nativebundle.wrap.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

import org.osgi.framework.Version;

/**
 * The folder FileInstall watches ({@code felix.fileinstall.dir}), for the tenant a descriptor's
 * folder stands for: {@code plugins/<tenant>/x.nativebundle} belongs to {@code <tenant>}, as the
 * loader decides from the bundle location (which FileInstall makes the descriptor's own URL).
 */
final class PluginsFolder {

    private final Path root;

    /** @param configured the value of {@code felix.fileinstall.dir}; null when unset */
    PluginsFolder(String configured) {
        Path parsed = null;
        if (configured != null && !configured.isBlank()) {
            try {
                parsed = Path.of(configured.trim()).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                parsed = null;
            }
        }
        this.root = parsed;
    }

    WrapContext contextOf(Path descriptor, Version abi) {
        Path file = descriptor.toAbsolutePath().normalize();
        if (root != null && file.startsWith(root)) {
            Path relative = root.relativize(file);
            if (relative.getNameCount() > 1) {
                String tenant = relative.getName(0).toString();
                String top = root.getFileName() == null ? "plugins" : root.getFileName().toString();
                return new WrapContext(Optional.of(tenant), top + "/" + tenant + "/", abi);
            }
        }
        return new WrapContext(Optional.empty(), "", abi);
    }
}
