package io.nativebundle.itests.isolation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.testsupport.osgi.Gogo;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.osgi.Services;
import io.nativebundle.itests.shell.TableOutput;
import io.nativebundle.testsupport.Await;
import io.nativebundle.testsupport.BundleRewriter;

/**
 * The math example with {@code isolation=process} in its {@code NativeBundle-Library} (as the bnd
 * plugin writes it from {@code bnd.bnd}): the same services, the typed one bound through the host
 * and used by the unchanged SCR consumer, strings, a variable; an update starts a host for the new
 * generation, and the old host exits once its generation is drained.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BundleIsolationTest extends AbstractIntegrationTest {

    static final String HEADER = "math;version=1.2.0;interface=io.nativebundle.examples.math.MathLib;isolation=process";

    @Configuration
    public Option[] config() throws IOException {
        File isolated = BundleRewriter.of(NativeBundleOptions.jar("math")).header(NativeBundleConstants.HEADER_LIBRARY,
                HEADER).write(new File(NativeBundleOptions.WORK, "isolated-math").toPath());
        List<Option> options = new ArrayList<>(Arrays.asList(NativeBundleOptions.core(NativeBundleOptions.shell())));
        options.add(bundle(isolated.toURI().toString()));
        options.add(bundle(NativeBundleOptions.jar("consumer").toURI().toString()));
        return options.toArray(new Option[0]);
    }

    @Test
    public void theSameServicesAnswerFromTheHostAndAnUpdateReplacesIt() throws Exception {
        ServiceReference<NativeFunction> add = Services.await(context, NativeFunction.class,
                "(&(nativebundle.library=math)(nativebundle.symbol=add))");
        assertEquals("process", add.getProperty(NativeBundleConstants.ISOLATION));
        assertEquals("host", add.getProperty(NativeBundleConstants.BACKEND));
        assertEquals("5", Await.value("example:add from the SCR consumer", Duration.ofSeconds(20), () -> {
            Gogo.Outcome o = Gogo.execute(context, "example:add 2 3");
            return o.failure() == null ? o.output() : null;
        }));
        assertEquals("Hello, osgi!", Gogo.run(context, "example:greet osgi"));
        assertEquals("42", Gogo.run(context, "native:call math multiply 6 7"));
        Gogo.run(context, "native:set math counter 41");
        assertEquals("41", Gogo.run(context, "native:call math counter_value"));

        long first = hostPid();
        Bundle math = installed("io.nativebundle.examples.math");
        math.update();
        long second = Await.value("a host of the new generation", Duration.ofSeconds(20), () -> {
            long pid = hostPid();
            return pid > 0 && pid != first ? pid : null;
        });
        assertNotEquals(first, second);
        Await.until("the old host exits once its generation is drained", Duration.ofSeconds(20),
                () -> !HostProcesses.alive(first));
        assertTrue(HostProcesses.alive(second));
        assertEquals("5", Gogo.run(context, "example:add 2 3"));
        assertEquals(List.of(second), HostProcesses.childrenOf(ProcessHandle.current().pid()));
    }

    /** The pid of math's host in {@code native:list}, or -1 while there is none. */
    private long hostPid() throws Exception {
        Gogo.Outcome list = Gogo.execute(context, "native:list");
        if (list.failure() != null) {
            return -1;
        }
        Map<String, String> row = TableOutput.rows(list.output()).stream()
                .filter(r -> "math".equals(r.get("LIBRARY"))).findFirst().orElse(Map.of());
        String host = row.getOrDefault("HOST", "");
        return host.startsWith("RUNNING pid ") ? Long.parseLong(host.substring("RUNNING pid ".length())) : -1;
    }
}
