package io.nativebundle.definition;

/**
 * One core bundle of the runtime, by Maven coordinates, with the role it plays.
 *
 * @param groupId    e.g. {@code org.apache.felix}
 * @param artifactId e.g. {@code org.apache.felix.scr}
 * @param version    e.g. {@code 2.2.12}
 * @param role       what it gives the runtime; a host installs the roles it needs
 */
public record CoreBundle(String groupId, String artifactId, String version, Role role) {

    /** What a core bundle gives the runtime. */
    public enum Role {
        /** The runtime itself: the loader, its API, the ELF reader, jnr-ffi, jffi and ASM. */
        CORE("core"),
        /**
         * The standard OSGi services the runtime builds on: Declarative Services (with the util
         * bundles it needs), Configuration Admin, Event Admin and Gogo's command runtime. A plain
         * framework needs them next to {@link #CORE}; a full container such as Karaf brings its own.
         */
        SERVICES("services"),
        /** Gogo's plain console; it reads stdin unless {@code gosh.args=--nointeractive}. */
        GOGO_CONSOLE("gogo-console"),
        /** Gogo's line-editing console (JLine: history, completion), for a terminal. */
        GOGO_JLINE("gogo-jline"),
        /** Gogo's standard commands: {@code lb}, {@code install}, {@code update}, ... */
        GOGO_COMMANDS("gogo-commands"),
        /** The {@code native:} commands. */
        NATIVE_COMMANDS("native-commands"),
        /** Wraps a raw {@code .so} and its {@code .nativebundle} descriptor into a bundle. */
        WRAP("wrap"),
        /** FileInstall, watching {@code felix.fileinstall.dir}. */
        PLUGINS_FOLDER("plugins-folder"),
        /**
         * The FFM backend: a fragment of the loader that attaches on Java 22 or later, where the loader
         * then calls native code through {@code java.lang.foreign}; on Java 17 it stays installed and
         * unresolved, and the loader runs on jnr. Not in the core role, so a host that resolves every
         * bundle it is given (Karaf's features) on Java 17 does not get it.
         */
        FFM("ffm"),
        /**
         * Optional: OSGi Remote Services (Apache Aries RSA with its TCP provider and static config
         * discovery, and SLF4J), for native services across machines. Never taken unless named.
         */
        REMOTE("remote", true);

        private final String label;
        private final boolean optional;

        Role(String label) {
            this(label, false);
        }

        Role(String label, boolean optional) {
            this.label = label;
            this.optional = optional;
        }

        /**
         * Whether the role is taken only when named: a host that asks for no role in particular
         * gets every role that is not optional, so adding an optional role changes no runtime.
         */
        public boolean optional() {
            return optional;
        }

        /** The name in the definition file: {@code plugins-folder}. */
        public String label() {
            return label;
        }

        /**
         * The role of a label.
         *
         * @throws IllegalArgumentException naming the known labels
         */
        public static Role of(String label) {
            for (Role role : values()) {
                if (role.label.equals(label)) {
                    return role;
                }
            }
            StringBuilder known = new StringBuilder();
            for (Role role : values()) {
                known.append(known.length() == 0 ? "" : ", ").append(role.label);
            }
            throw new IllegalArgumentException("unknown role '" + label + "'; expected one of " + known);
        }
    }

    /** {@code groupId:artifactId:version}. */
    public String coordinates() {
        return groupId + ":" + artifactId + ":" + version;
    }

    /** The file name in a runtime's bundle folder: {@code artifactId-version.jar}, as Maven names it. */
    public String fileName() {
        return artifactId + "-" + version + ".jar";
    }

    /**
     * The file's path in a Maven repository:
     * {@code org/apache/felix/org.apache.felix.scr/2.2.12/org.apache.felix.scr-2.2.12.jar}.
     */
    public String repositoryPath() {
        return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + fileName();
    }

    @Override
    public String toString() {
        return coordinates() + " " + role.label;
    }
}
