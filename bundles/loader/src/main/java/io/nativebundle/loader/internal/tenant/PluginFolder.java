package io.nativebundle.loader.internal.tenant;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder FileInstall watches ({@code felix.fileinstall.dir}) and where a bundle file sits in
 * it: outside, directly in it, or in the sub-folder of a tenant ({@code plugins/<tenant>/…}).
 * Deeper folders are the tenant's own business: {@code plugins/acme/billing/x.jar} is acme's.
 */
final class PluginFolder {

    /** Where a file sits relative to the plugins folder. */
    enum Place {
        /** Not under the plugins folder, or there is none. */
        OUTSIDE,
        /** Directly in the plugins folder. */
        TOP,
        /** In a sub-folder of the plugins folder; the sub-folder names the tenant. */
        TENANT_FOLDER
    }

    /** @param folder the first folder below the plugins folder, for {@link Place#TENANT_FOLDER} */
    record Placement(Place place, String folder) {

        static final Placement OUTSIDE = new Placement(Place.OUTSIDE, null);
        static final Placement TOP = new Placement(Place.TOP, null);
    }

    private final Path root;
    private volatile Path realRoot;

    /** @param configured the value of {@code felix.fileinstall.dir}; null or blank when unset */
    PluginFolder(String configured) {
        this.root = parse(configured);
    }

    Optional<Path> root() {
        return Optional.ofNullable(root);
    }

    Placement place(Path file) {
        if (root == null) {
            return Placement.OUTSIDE;
        }
        Path normalized = file.toAbsolutePath().normalize();
        Path relative = relativeTo(root, normalized);
        if (relative == null) {
            // the folder may be reached through a symbolic link on one side only
            relative = relativeTo(real(root), real(normalized));
        }
        if (relative == null) {
            return Placement.OUTSIDE;
        }
        if (relative.getNameCount() <= 1) {
            return Placement.TOP;
        }
        return new Placement(Place.TENANT_FOLDER, relative.getName(0).toString());
    }

    /** How the plugins folder is shown in messages, e.g. {@code plugins/}. */
    String describeTop() {
        return (root == null || root.getFileName() == null ? "plugins" : root.getFileName().toString()) + "/";
    }

    /** How a tenant folder is shown in messages, e.g. {@code plugins/acme/}. */
    String describe(String folder) {
        return describeTop() + folder + "/";
    }

    private static Path relativeTo(Path base, Path file) {
        if (base == null || file == null || !file.startsWith(base)) {
            return null;
        }
        Path relative = base.relativize(file);
        return relative.toString().isEmpty() ? relative : relative.normalize();
    }

    private Path real(Path path) {
        try {
            if (path == root) {
                Path r = realRoot;
                if (r == null) {
                    r = root.toRealPath();
                    realRoot = r;
                }
                return r;
            }
            return path.toRealPath();
        } catch (IOException | SecurityException e) {
            return null; // gone, e.g. a bundle file FileInstall already deleted
        }
    }

    private static Path parse(String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        try {
            return Path.of(configured.trim()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
