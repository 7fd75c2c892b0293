package io.nativebundle.itests;

import java.io.File;
import java.io.FileInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The framework of a child JVM a test starts ({@link ChildJvm}), on a plain class path of Felix and
 * the test classes: the arguments are {@code <properties file> <storage> <bundle jar>...}; the
 * bundles are installed in that order, then every one that is not a fragment is started.
 *
 * @param framework the started framework
 * @param bundles   the bundles of the arguments, in their order
 */
public record ChildFramework(Framework framework, List<Bundle> bundles) {

    /** Starts the framework the arguments describe. */
    public static ChildFramework start(String[] args) throws Exception {
        Properties file = new Properties();
        try (FileInputStream in = new FileInputStream(args[0])) {
            file.load(in);
        }
        Map<String, String> properties = new HashMap<>();
        file.forEach((k, v) -> properties.put((String) k, (String) v));
        properties.put(Constants.FRAMEWORK_STORAGE, args[1]);
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(properties);
        framework.start();
        BundleContext context = framework.getBundleContext();
        List<Bundle> bundles = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            bundles.add(context.installBundle(new File(args[i]).toURI().toString()));
        }
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
        return new ChildFramework(framework, List.copyOf(bundles));
    }

    public BundleContext context() {
        return framework.getBundleContext();
    }

    /** Stops the framework, then prints {@code STOPPED} for the test that waits for it. */
    public void stop() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
        System.out.println("STOPPED");
        System.out.flush();
    }
}
