package io.nativebundle.jnr.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.util.Properties;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class JffiExtractDirTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void claimsAndCreatesTheBundleDataFolderWhenUnset() {
        Properties system = new Properties();
        File dir = new File(tmp.getRoot(), "data/jffi");

        String inEffect = new JffiExtractDir(system).claim(dir);

        assertEquals(dir.getAbsolutePath(), inEffect);
        assertEquals(dir.getAbsolutePath(), system.getProperty(JffiExtractDir.PROPERTY));
        assertTrue(dir.isDirectory());
    }

    @Test
    public void keepsAValueTheUserSet() {
        Properties system = new Properties();
        system.setProperty(JffiExtractDir.PROPERTY, "/opt/app/jffi");
        JffiExtractDir extractDir = new JffiExtractDir(system);

        assertEquals("/opt/app/jffi", extractDir.claim(tmp.getRoot()));
        extractDir.release();

        assertEquals("/opt/app/jffi", system.getProperty(JffiExtractDir.PROPERTY));
    }

    @Test
    public void releaseClearsOnlyItsOwnValue() {
        Properties system = new Properties();
        JffiExtractDir first = new JffiExtractDir(system);
        first.claim(tmp.getRoot());

        first.release();

        assertNull(system.getProperty(JffiExtractDir.PROPERTY));
    }

    @Test
    public void leavesJffiDefaultsWithoutAFileSystem() {
        Properties system = new Properties();

        assertNull(new JffiExtractDir(system).claim(null));
        assertFalse(system.containsKey(JffiExtractDir.PROPERTY));
    }
}
