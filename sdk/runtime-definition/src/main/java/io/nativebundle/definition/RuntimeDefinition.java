package io.nativebundle.definition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import io.nativebundle.definition.CoreBundle.Role;

/**
 * What a nativebundle runtime is, written once and read by every host: the launcher's
 * distribution, the integration tests, the benchmarks and the test kit of plugin authors.
 *
 * <pre>{@code
 * for (CoreBundle b : RuntimeDefinition.coreBundles(Role.CORE, Role.SERVICES)) {
 *     context.installBundle(folder.resolve(b.fileName()).toUri().toString());
 * }
 * Map<String, String> properties = RuntimeDefinition.frameworkProperties();
 * }</pre>
 *
 * <p>The definition is two files of this jar, filled in from the parent pom's versions:
 * {@code core-bundles.list} ({@code groupId:artifactId:version role}, in start order) and
 * {@code framework.properties}.
 */
public final class RuntimeDefinition {

    static final String BUNDLES = "core-bundles.list";
    static final String PROPERTIES = "framework.properties";

    private RuntimeDefinition() {
    }

    /** Every core bundle, of every role, optional ones included, in start order. */
    public static List<CoreBundle> coreBundles() {
        return parse(read(BUNDLES));
    }

    /**
     * The core bundles of the given roles, in start order; none given means every role that is not
     * {@linkplain Role#optional() optional}.
     */
    public static List<CoreBundle> coreBundles(Role... roles) {
        Set<Role> wanted = EnumSet.noneOf(Role.class);
        if (roles.length == 0) {
            Arrays.stream(Role.values()).filter(role -> !role.optional()).forEach(wanted::add);
        } else {
            wanted.addAll(Arrays.asList(roles));
        }
        return coreBundles().stream().filter(b -> wanted.contains(b.role())).toList();
    }

    /**
     * One core bundle by its artifactId, e.g. {@code loader}.
     *
     * @throws IllegalArgumentException naming the artifactId and the known ones
     */
    public static CoreBundle coreBundle(String artifactId) {
        List<CoreBundle> all = coreBundles();
        return all.stream().filter(b -> b.artifactId().equals(artifactId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the runtime has no core bundle '" + artifactId
                        + "'; it has " + all.stream().map(CoreBundle::artifactId).toList()));
    }

    /** The framework properties every runtime sets, in name order. */
    public static Map<String, String> frameworkProperties() {
        Properties properties = new Properties();
        try (InputStream in = open(PROPERTIES)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PROPERTIES + " of the runtime definition", e);
        }
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return new LinkedHashMap<>(map);
    }

    /**
     * Parses the lines of a bundle definition: {@code groupId:artifactId:version role}, blank
     * lines and {@code #} comments skipped.
     *
     * @throws IllegalArgumentException naming the line, what was expected and what was found
     */
    static List<CoreBundle> parse(String text) {
        List<CoreBundle> bundles = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] fields = content.split("\\s+");
            String[] gav = fields[0].split(":", -1);
            if (fields.length != 2 || gav.length != 3 || Arrays.stream(gav).anyMatch(String::isEmpty)
                    || gav[2].contains("${")) {
                throw new IllegalArgumentException(BUNDLES + ":" + (i + 1) + ": expected <groupId>:<artifactId>:"
                        + "<version> <role>, found '" + content + "'");
            }
            try {
                bundles.add(new CoreBundle(gav[0], gav[1], gav[2], Role.of(fields[1])));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(BUNDLES + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(bundles);
    }

    private static String read(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " of the runtime definition", e);
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = RuntimeDefinition.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing next to " + RuntimeDefinition.class.getName());
        }
        return in;
    }
}
