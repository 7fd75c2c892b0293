package io.nativebundle.itests.lifecycle;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

import io.nativebundle.itests.ChildFramework;

/**
 * A second runtime in its own JVM for {@link SharedCacheTest}: a plain Felix framework started
 * from the Felix jar, with the runtime's properties and bundles, on the same native cache folder.
 * Only the JDK and the OSGi framework API are on its class path.
 *
 * <p>Usage: {@code java -cp felix.jar:test-classes SecondRuntime <properties file> <storage> <bundle jar>...}.
 * It prints {@code FILE <path of the loaded libmath.so>}, {@code ADD <add(2,3)>} and, when the
 * library runs out of process, {@code HOST <pid of its host process>}, then reads
 * commands from stdin: {@code call} prints {@code ADD ...} again, {@code exit} stops the framework.
 */
public final class SecondRuntime {

    private static final String MATH_LIB = "io.nativebundle.examples.math.MathLib";
    private static final long TIMEOUT_MS = 20_000;

    private SecondRuntime() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        ChildFramework child = ChildFramework.start(args);
        BundleContext context = child.context();
        Object library = await(context, "io.nativebundle.api.NativeLibrary");
        Class<?> description = implemented(library, "io.nativebundle.api.NativeLibrary");
        System.out.println("FILE " + description.getMethod("file").invoke(library));
        Object math = await(context, MATH_LIB);
        Method add = implemented(math, MATH_LIB).getMethod("add", int.class, int.class);
        System.out.println("ADD " + add.invoke(math, 2, 3));
        // a library out of process: its host's pid, for a test that looks for it in /proc
        Optional<?> host = (Optional<?>) description.getMethod("host").invoke(library);
        if (host.isPresent()) {
            OptionalLong pid = (OptionalLong) host.get().getClass().getMethod("pid").invoke(host.get());
            System.out.println("HOST " + pid.orElse(-1));
        }
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = commands.readLine(); line != null && !line.equals("exit"); line = commands.readLine()) {
            System.out.println("ADD " + add.invoke(math, 2, 3));
            System.out.flush();
        }
        child.stop();
    }

    private static Object await(BundleContext context, String className) throws Exception {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context,
                context.createFilter("(objectClass=" + className + ")"), null);
        // left open: closing would unget the service this process goes on calling until it stops
        tracker.open();
        Object service = tracker.waitForService(TIMEOUT_MS);
        if (service == null) {
            throw new IllegalStateException("no " + className + " service in the second runtime within " + TIMEOUT_MS
                    + " ms");
        }
        return service;
    }

    /** The service interface, through which reflection may call an implementation class it cannot see. */
    private static Class<?> implemented(Object service, String name) {
        for (Class<?> i : service.getClass().getInterfaces()) {
            if (i.getName().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException(service.getClass() + " does not implement " + name);
    }
}
