package io.nativebundle.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Facts the Maven build writes into {@code runtime.properties}, such as the runtime's ABI version. */
final class RuntimeInfo {

    private static final String RESOURCE = "runtime.properties";

    private RuntimeInfo() {
    }

    /** The ABI version this runtime provides ({@code nativebundle.abi.version} of the parent pom). */
    static String abiVersion() throws LaunchException {
        Properties properties = new Properties();
        try (InputStream in = RuntimeInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new LaunchException(RESOURCE + " is missing from the launcher jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new LaunchException("cannot read " + RESOURCE + " from the launcher jar: " + e.getMessage(), e);
        }
        String version = properties.getProperty("abi.version", "");
        if (!version.matches("\\d+\\.\\d+\\.\\d+")) {
            throw new LaunchException(RESOURCE + ": abi.version should look like 1.0.0, found '" + version + "'");
        }
        return version;
    }
}
