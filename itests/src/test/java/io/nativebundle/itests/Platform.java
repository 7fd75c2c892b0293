package io.nativebundle.itests;

import io.nativebundle.binary.host.HostMachine;

/** The platform names the runtime uses for this JVM. */
public final class Platform {

    private Platform() {
    }

    /** The OSGi processor name of this JVM, {@code x86-64} or {@code aarch64}: the runtime's own mapping. */
    public static String processor() {
        HostMachine machine = HostMachine.current();
        String processor = machine.osgiProcessor();
        if (!processor.equals("x86-64") && !processor.equals("aarch64")) {
            throw new IllegalStateException("the itests know no native build for os.arch " + machine.osArch());
        }
        return processor;
    }

    /** The processor name of the other platform the examples are built for. */
    public static String foreignProcessor() {
        return processor().equals("x86-64") ? "aarch64" : "x86-64";
    }

    /** The {@code nativebundle.platform} value of this JVM, e.g. {@code linux-x86-64}. */
    public static String name() {
        return "linux-" + processor();
    }

    /** The jar entry of an example library for this JVM. */
    public static String entry(String library) {
        return "native/linux/" + processor() + "/lib" + library + ".so";
    }
}
