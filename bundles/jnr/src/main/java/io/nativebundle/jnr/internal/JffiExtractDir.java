package io.nativebundle.jnr.internal;

import java.io.File;
import java.util.Properties;

/**
 * Decides where jffi's StubLoader extracts its JNI stub before {@code System.load}.
 *
 * <p>StubLoader reads the system property {@value #PROPERTY} once, when it is first
 * initialised. Unset, it extracts to {@code java.io.tmpdir}, which is often mounted
 * {@code noexec}; the stub then fails to load with a message about /tmp. This bundle points the
 * property at its own data area instead: it lies under the framework storage, where the
 * framework extracts every bundle's native code too, so it must be executable anyway.
 * A value set by the user (for example {@code -Djffi.extract.dir=...}) always wins.
 */
final class JffiExtractDir {

    /** The system property jffi's StubLoader reads. */
    static final String PROPERTY = "jffi.extract.dir";

    private final Properties system;
    private String claimed;

    JffiExtractDir(Properties system) {
        this.system = system;
    }

    /**
     * Points {@value #PROPERTY} at {@code dir} unless it is already set.
     *
     * @param dir the bundle's data folder for the stub, or null when the framework has no
     *            file system support (then jffi keeps its defaults)
     * @return the folder now in effect, or null when jffi uses its defaults
     */
    synchronized String claim(File dir) {
        String current = system.getProperty(PROPERTY);
        if (current != null || dir == null) {
            return current;
        }
        if (!dir.isDirectory() && !dir.mkdirs()) {
            return null;
        }
        claimed = dir.getAbsolutePath();
        system.setProperty(PROPERTY, claimed);
        return claimed;
    }

    /**
     * Clears {@value #PROPERTY} if it still holds the value set by {@link #claim}, so that a
     * later framework in the same JVM (tests run several in a row) does not inherit a folder
     * that its predecessor's storage clean may have deleted.
     */
    synchronized void release() {
        if (claimed != null && claimed.equals(system.getProperty(PROPERTY))) {
            system.remove(PROPERTY);
        }
        claimed = null;
    }
}
