package io.nativebundle.itests.equinox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.testsupport.osgi.Services;

/**
 * A native bundle installed before the loader: the ABI capability comes with the loader bundle,
 * so the native bundle cannot resolve until the loader is installed, and says so; then it starts (with the FFM
 * fragment, installed before the loader in the second run, attached to it).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class LoaderInstalledLaterTest {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return EquinoxOptions.withoutLoader();
    }

    @Test
    public void aNativeBundleWaitsForTheLoaderAndStartsOnceItIsThere() throws Exception {
        Bundle math = install(EquinoxOptions.jar("math"));
        BundleException unresolved = assertThrows(BundleException.class, math::start);
        assertTrue(unresolved.getMessage(), unresolved.getMessage().contains("io.nativebundle.abi"));
        assertEquals(Bundle.INSTALLED, math.getState());

        Bundle loader = install(EquinoxOptions.runtimeJar("loader"));
        loader.start();
        math.start();

        assertEquals(Bundle.ACTIVE, math.getState());
        ServiceReference<NativeFunction> add = Services.await(context, NativeFunction.class,
                "(&(nativebundle.library=math)(nativebundle.symbol=add))");
        assertEquals(5, context.getService(add).invoke(2, 3));
        assertEquals(loader, add.getBundle());
        // in the FFM run the fragment was installed before its host: it attaches when the loader resolves
        assertEquals(EquinoxOptions.automaticBackend(), add.getProperty(NativeBundleConstants.BACKEND));
    }

    private Bundle install(File jar) throws Exception {
        try (InputStream in = new FileInputStream(jar)) {
            return context.installBundle("file:" + jar.getAbsolutePath(), in);
        }
    }
}
