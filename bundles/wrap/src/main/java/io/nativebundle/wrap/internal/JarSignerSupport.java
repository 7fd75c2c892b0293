package io.nativebundle.wrap.internal;

import java.util.Optional;

/**
 * Whether this bundle can reach the JDK's jar signer ({@code jdk.security.jarsigner}, module
 * {@code jdk.jartool}). Felix and Equinox export that package from the system bundle by default;
 * Karaf's {@code etc/jre.properties} leaves it out, and a JVM linked without {@code jdk.jartool}
 * has none. The bundle imports it optionally, so that it resolves there too and only signing says
 * what is missing, instead of failing with a {@code NoClassDefFoundError}.
 */
public final class JarSignerSupport {

    static final String PACKAGE = "jdk.security.jarsigner";
    private static final String CLASS = PACKAGE + ".JarSigner";

    private JarSignerSupport() {
    }

    /** @throws UnsupportedOperationException naming the missing package, its module, and how to provide it */
    public static void require() {
        problem().ifPresent(problem -> {
            throw new UnsupportedOperationException(problem);
        });
    }

    /** Why this bundle cannot reach the jar signer; empty when it can. */
    public static Optional<String> problem() {
        return problem(JarSignerSupport.class.getClassLoader());
    }

    /** Why {@code loader} cannot reach the jar signer; empty when it can. */
    static Optional<String> problem(ClassLoader loader) {
        try {
            Class.forName(CLASS, false, loader);
            return Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.of("signing needs the JDK's jar signer, package " + PACKAGE + " (module jdk.jartool), and"
                    + " io.nativebundle.wrap cannot load " + CLASS + " (" + e + "): the framework's system bundle does not"
                    + " export " + PACKAGE + ", or the JVM has no module jdk.jartool. Add " + PACKAGE + " to the packages"
                    + " the system bundle exports (framework property org.osgi.framework.system.packages.extra; in"
                    + " Karaf, the jre-<version> list of your Java version in etc/jre.properties), restart the"
                    + " framework, and run on a JDK that has jdk.jartool");
        }
    }
}
