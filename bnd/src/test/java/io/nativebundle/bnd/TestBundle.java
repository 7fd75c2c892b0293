package io.nativebundle.bnd;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.stream.Collectors;

import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;

/**
 * Builds a bundle with plain bndlib: fixture libraries under native/, the fixture interfaces from
 * the test classes, the headers a bundle author would write, and the plugin.
 */
final class TestBundle {

    /** The folder the nativebundle-maven-plugin (test-compile, see pom.xml) compiled the libraries into: {@code <arch>/<file>}. */
    static final File FIXTURES = new File(System.getProperty("nativebundle.fixtures", "target/fixtures"));
    private static final File TEST_CLASSES = new File("target/test-classes");

    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<String> resources = new ArrayList<>();
    private boolean plugin = true;

    static TestBundle create() {
        return new TestBundle().set("Bundle-SymbolicName", "test.nativebundle")
            .set("Bundle-Version", "1.0.0")
            .set("-privatepackage", "io.nativebundle.bnd.fixture");
    }

    static File fixture(String arch, String name) {
        File file = new File(new File(FIXTURES, arch), name);
        if (!file.isFile()) {
            throw new IllegalStateException(file + " is missing: the fixtures are built by "
                + "the nativebundle-maven-plugin (test-compile in bnd/pom.xml) in generate-test-resources");
        }
        return file;
    }

    TestBundle set(String key, String value) {
        properties.put(key, value);
        return this;
    }

    TestBundle library(String header) {
        return set(io.nativebundle.contract.Headers.LIBRARY, header);
    }

    /** Puts the fixture {@code <arch>/<name>} at {@code path} in the bundle. */
    TestBundle add(String path, String arch, String name) {
        return add(path, fixture(arch, name));
    }

    TestBundle add(String path, File file) {
        resources.add(path + "=" + file.getAbsolutePath());
        return this;
    }

    TestBundle add(String path, byte[] content) throws IOException {
        File file = Files.createTempFile("nativebundle-test", ".bin").toFile();
        file.deleteOnExit();
        Files.write(file.toPath(), content);
        return add(path, file);
    }

    /** Registers the plugin the way a pom does, by class name, instead of as an instance. */
    TestBundle pluginByName() {
        plugin = false;
        return set("-plugin.nativebundle", NativeBundlePlugin.class.getName());
    }

    Result build() throws Exception {
        try (Builder builder = new Builder()) {
            builder.setBase(new File("target"));
            builder.addClasspath(TEST_CLASSES);
            properties.forEach(builder::setProperty);
            if (!resources.isEmpty()) {
                builder.setProperty("-includeresource", String.join(",", resources));
            }
            if (plugin) {
                builder.addBasicPlugin(new NativeBundlePlugin());
            }
            Jar jar = builder.build();
            Attributes main = jar.getManifest().getMainAttributes();
            Map<String, String> headers = main.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toString(), e -> e.getValue().toString()));
            return new Result(headers, List.copyOf(builder.getErrors()), List.copyOf(builder.getWarnings()));
        }
    }

    /** The manifest's main headers and bnd's messages. */
    record Result(Map<String, String> headers, List<String> errors, List<String> warnings) {

        String header(String name) {
            return headers.get(name);
        }

        Parameters imports() {
            return new Parameters(headers.get("Import-Package"));
        }

        /** The errors that mention all the given parts. */
        List<String> errorsWith(String... parts) {
            return errors.stream().filter(e -> List.of(parts).stream().allMatch(e::contains)).toList();
        }
    }
}
