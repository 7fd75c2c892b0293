package io.nativebundle.testkit;

import java.io.File;
import java.util.List;

import io.nativebundle.definition.CoreBundle;
import io.nativebundle.definition.CoreBundle.Role;
import io.nativebundle.definition.RuntimeDefinition;

/**
 * A folder the {@code runtime-bundles} goal of nativebundle-maven-plugin filled with the runtime's
 * core bundles ({@code <artifactId>-<version>.jar}), read through the runtime definition.
 */
public final class RuntimeBundles {

    private final File folder;

    public RuntimeBundles(File folder) {
        this.folder = folder;
    }

    /** The folder. */
    public File folder() {
        return folder;
    }

    /**
     * The files of the core bundles of these roles (when none, every role but the optional ones), in start order.
     *
     * @throws IllegalStateException naming the first file that is missing and how it is made
     */
    public List<File> files(Role... roles) {
        return RuntimeDefinition.coreBundles(roles).stream().map(this::file).toList();
    }

    /** The file of one core bundle, by artifactId, e.g. {@code org.apache.felix.fileinstall}. */
    public File file(String artifactId) {
        return file(RuntimeDefinition.coreBundle(artifactId));
    }

    private File file(CoreBundle bundle) {
        File file = new File(folder, bundle.fileName());
        if (!file.isFile()) {
            throw new IllegalStateException(file + " is missing: the runtime's bundles (" + bundle.coordinates()
                    + ") are copied there by the runtime-bundles goal of io.nativebundle:nativebundle-maven-plugin,"
                    + " which native-bundle-parent binds when the project depends on nativebundle-testkit");
        }
        return file;
    }
}
