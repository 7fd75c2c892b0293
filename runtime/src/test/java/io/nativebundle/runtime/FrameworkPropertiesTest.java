package io.nativebundle.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

import io.nativebundle.binary.GlibcVersion;
import io.nativebundle.binary.LibcFlavour;
import io.nativebundle.binary.host.HostLibc;

public class FrameworkPropertiesTest {

    private static final HostLibc GLIBC = new HostLibc(LibcFlavour.GLIBC, GlibcVersion.parse("2.36"), "test");

    private final Layout layout = new Layout(Path.of("/opt/nb"), Path.of("/srv/plugins"), Path.of("/var/cache/nb"));

    @Test
    public void execModeProperties() {
        Map<String, String> p = FrameworkProperties.create(layout, ConsoleMode.EXEC, GLIBC);

        assertEquals("/var/cache/nb/felix", p.get("org.osgi.framework.storage"));
        assertEquals("onFirstInit", p.get("org.osgi.framework.storage.clean"));
        // the loader bundle provides io.nativebundle.abi: no launcher-only capability
        assertFalse(p.containsKey("org.osgi.framework.system.capabilities.extra"));
        assertEquals("aarch64,arm64", p.get("felix.native.processor.alias.aarch64"));
        assertEquals("glibc", p.get("io.nativebundle.libc"));
        assertEquals("2.36", p.get("io.nativebundle.glibc.version"));
        assertEquals("/var/cache/nb/native", p.get("io.nativebundle.cache.dir"));
        assertEquals("/srv/plugins", p.get("felix.fileinstall.dir"));
        assertEquals("500", p.get("felix.fileinstall.poll"));
        assertEquals("true", p.get("felix.fileinstall.noInitialDelay"));
        assertEquals("1", p.get("felix.fileinstall.log.level"));
        assertEquals("true", p.get("felix.fileinstall.bundles.new.start"));
        assertEquals("recurse", p.get("felix.fileinstall.subdir.mode"));
        assertEquals("1", p.get("felix.log.level"));
        assertEquals("error", p.get("ds.loglevel"));
        assertEquals("1", p.get("org.apache.felix.eventadmin.LogLevel"));
        assertEquals("1", p.get("felix.cm.loglevel"));
        assertEquals("--nointeractive", p.get("gosh.args"));
        assertFalse(p.containsKey("gosh.home"));
    }

    @Test
    public void aPipedShellGetsThePlainConsoleWithItsDefaults() {
        Map<String, String> p = FrameworkProperties.create(layout, ConsoleMode.PIPE, GLIBC);

        assertFalse(p.containsKey("gosh.args"));
        assertFalse(p.containsKey("io.nativebundle.shell.history"));
    }

    @Test
    public void theLineEditingShellKeepsItsHistoryInTheCacheFolder() {
        Map<String, String> p = FrameworkProperties.create(layout, ConsoleMode.TERMINAL, GLIBC);

        // Gogo JLine opens no ~/.gogo.history; etc/gosh_profile of the distribution takes the cache's
        assertEquals("--nohistory", p.get("gosh.args"));
        assertEquals("/opt/nb", p.get("gosh.home"));
        assertEquals("/var/cache/nb/history", p.get("io.nativebundle.shell.history"));
    }

    @Test
    public void muslHasNoGlibcVersionAndUnknownHasNoLibc() {
        Map<String, String> musl = FrameworkProperties.create(layout, ConsoleMode.PIPE, new HostLibc(LibcFlavour.MUSL, Optional.empty(), "test"));
        assertEquals("musl", musl.get("io.nativebundle.libc"));
        assertFalse(musl.containsKey("io.nativebundle.glibc.version"));

        Map<String, String> unknown = FrameworkProperties.create(layout, ConsoleMode.PIPE, new HostLibc(LibcFlavour.UNKNOWN, Optional.empty(), "test"));
        assertFalse(unknown.containsKey("io.nativebundle.libc"));
    }
}
