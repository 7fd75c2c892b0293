package io.nativebundle.itests.isolation;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import io.nativebundle.api.NativeFunction;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.testsupport.osgi.Services;
import io.nativebundle.itests.wrap.Drops;

/**
 * {@code libcrash.so} (src/test/c/crash) dropped into a watched plugins folder with a descriptor
 * that runs it out of process: the way an operator brings in a library they cannot audit.
 */
final class CrashLibrary {

    /** The functions every descriptor declares. */
    static final String[] SYMBOLS = {
        "[symbols]",
        "add = (int,int)int",
        "segv = ()int",
        "bus = ()int",
        "abort_now = ()int",
        "exit_now = ()int",
        "spin = ()void",
        "recurse = (int)int",
        "grab = (int)int",
    };

    private CrashLibrary() {
    }

    /** The core runtime with the shell, FileInstall on {@code plugins} and the wrapper, plus {@code extra}. */
    static Option[] runtime(File plugins, Option... extra) throws IOException {
        Drops.clean(plugins);
        List<Option> options = new ArrayList<>(Arrays.asList(NativeBundleOptions.core(NativeBundleOptions.shell())));
        options.addAll(Arrays.asList(NativeBundleOptions.fileInstall(plugins)));
        options.add(NativeBundleOptions.wrap());
        options.addAll(Arrays.asList(extra));
        return options.toArray(new Option[0]);
    }

    /**
     * Drops {@code lib<library>.so} and {@code lib<library>.nativebundle}: {@code library = <library>},
     * {@code isolation = process}, the lines {@code top}, and {@link #SYMBOLS} and {@code more}.
     *
     * @return the descriptor
     */
    static Path drop(File plugins, String library, List<String> top, String... more) throws IOException {
        Drops.drop(plugins, "lib" + library + ".so", Files.readAllBytes(NativeBundleOptions.CRASH_LIBRARY.toPath()));
        List<String> lines = new ArrayList<>(List.of("library = " + library, "version = 1.0.0", "isolation = process"));
        lines.addAll(top);
        lines.addAll(Arrays.asList(SYMBOLS));
        lines.addAll(Arrays.asList(more));
        return Drops.drop(plugins, "lib" + library + ".nativebundle", lines.toArray(new String[0]));
    }

    /** The {@code NativeFunction} of {@code symbol}, once the library is loaded. */
    static NativeFunction function(BundleContext context, String library, String symbol) throws InterruptedException {
        ServiceReference<NativeFunction> ref = Services.await(context, NativeFunction.class,
                "(&(nativebundle.library=" + library + ")(nativebundle.symbol=" + symbol + "))");
        return context.getService(ref);
    }
}
