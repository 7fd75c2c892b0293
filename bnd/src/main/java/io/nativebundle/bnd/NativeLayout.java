package io.nativebundle.bnd;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Resource;
import aQute.service.reporter.Reporter;
import io.nativebundle.binary.ElfMachine;

/**
 * Finds the native files of a bundle: every resource under {@code native/<os>/<arch>/}, grouped by
 * platform. The folder names must be the ones {@code Bundle-NativeCode} can use, because the
 * plugin writes them into the header as they are.
 */
final class NativeLayout {

    static final String ROOT = "native/";

    private NativeLayout() {
    }

    /** The platforms in name order, each with its files in path order; reports misplaced files. */
    static Map<Platform, List<NativeFile>> scan(Jar jar, Reporter reporter) throws Exception {
        Map<Platform, List<NativeFile>> platforms = new TreeMap<>();
        for (Map.Entry<String, Resource> entry : new TreeMap<>(jar.getResources()).entrySet()) {
            String path = entry.getKey();
            if (!path.startsWith(ROOT)) {
                continue;
            }
            String[] segments = path.split("/");
            if (segments.length < 4) {
                reporter.error("Bundle-NativeCode: %s is not in a platform folder; put native files under "
                    + "native/<os>/<arch>/, e.g. native/linux/x86-64/", path);
                continue;
            }
            Platform platform = new Platform(segments[1], segments[2]);
            if (!validFolders(platform, path, reporter)) {
                continue;
            }
            try (InputStream in = entry.getValue().openInputStream()) {
                platforms.computeIfAbsent(platform, p -> new ArrayList<>())
                    .add(new NativeFile(path, platform, in.readAllBytes()));
            }
        }
        return platforms;
    }

    /**
     * Tells bnd that the {@code native/} folders are not Java packages; otherwise it lists them in
     * {@code Private-Package} as {@code native.linux.x86-64}, which is not even a package name.
     */
    static void notPackages(Analyzer analyzer) {
        analyzer.getContained().keySet().removeIf(ref -> (ref.getBinary() + "/").startsWith(ROOT));
    }

    private static boolean validFolders(Platform platform, String path, Reporter reporter) {
        if (Platform.osgiOsName(platform.os()).isEmpty()) {
            reporter.error("Bundle-NativeCode: %s: unknown OS folder '%s'; use one of %s", path, platform.os(),
                Platform.knownOsFolders());
            return false;
        }
        ElfMachine machine = ElfMachine.ofOsgiProcessor(platform.arch()).orElse(ElfMachine.OTHER);
        if (machine == ElfMachine.OTHER) {
            reporter.error("Bundle-NativeCode: %s: unknown architecture folder '%s'; use an OSGi processor name "
                + "such as x86-64 or aarch64", path, platform.arch());
            return false;
        }
        if (!machine.osgiProcessor().equals(platform.arch())) {
            // the folder name becomes processor=..., and Felix only knows the canonical names
            // (it has no arm64 alias, for one)
            reporter.error("Bundle-NativeCode: %s: architecture folder '%s' is an alias; name it '%s', the OSGi "
                + "processor name the framework matches", path, platform.arch(), machine.osgiProcessor());
            return false;
        }
        return true;
    }
}
