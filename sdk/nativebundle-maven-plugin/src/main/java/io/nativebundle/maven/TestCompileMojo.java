package io.nativebundle.maven;

import java.io.File;
import java.util.List;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compiles shared libraries for tests (fixtures), with the same compilers and base flags as
 * {@code compile} but without the native-bundle rules: a fixture may export everything, or be
 * built without a build note on purpose. Each library says what it needs in its options.
 *
 * <pre>{@code
 * <execution>
 *     <id>fixtures</id>
 *     <goals><goal>test-compile</goal></goals>
 *     <configuration>
 *         <libraries>
 *             <library><name>sym</name><sources><source>src/test/c</source></sources><targets><target>host</target></targets></library>
 *         </libraries>
 *     </configuration>
 * </execution>
 * }</pre>
 */
@Mojo(name = "test-compile", defaultPhase = LifecyclePhase.GENERATE_TEST_RESOURCES, threadSafe = true)
public class TestCompileMojo extends AbstractCompileMojo {

    /** Where the libraries go: {@code <outputDirectory>/<folder>/lib<name>.so}. */
    @Parameter(defaultValue = "${project.build.directory}/test-natives")
    File outputDirectory;

    /** {@code -Dmaven.test.skip=true} skips the test libraries with the tests. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    boolean testSkip;

    @Override
    File outputDirectory() {
        return outputDirectory;
    }

    @Override
    boolean bundleRules() {
        return false;
    }

    @Override
    List<Library> defaultLibraries() {
        return List.of();
    }

    @Override
    String skipReason() {
        return testSkip ? "maven.test.skip is set" : null;
    }
}
