package io.nativebundle.loader.internal.call;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.Version;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeLibraryUnloadedException;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.api.NativeType;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.BackendLibrary;
import io.nativebundle.loader.internal.backend.FunctionInvoker;
import io.nativebundle.loader.internal.backend.VariableAccessor;
import io.nativebundle.loader.internal.backend.jnr.JnrBackend;
import io.nativebundle.loader.internal.metrics.SymbolMetrics;

/**
 * The unit tests' C library ({@code src/test/c/sym.c}, built by the module's pom) opened with
 * the jnr backend outside OSGi, and guards of its symbols.
 */
public final class TestLibrary {

    /** Where the pom's exec plugin put the library. */
    public static final Path FILE = Path.of(System.getProperty("nativebundle.test.libsym",
            "target/test-natives/libsym.so")).toAbsolutePath();

    /** Open for the whole test run, never closed. */
    public static final BackendLibrary LIBRARY = open();

    private TestLibrary() {
    }

    private static BackendLibrary open() {
        if (!Files.isRegularFile(FILE)) {
            throw new IllegalStateException(FILE + " is missing; build it with mvn (exec-maven-plugin, cc-test-natives)");
        }
        try {
            return new JnrBackend().open(FILE, List.of());
        } catch (LoadRefusal e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public static NativeLibrary description(List<NativeSymbol> symbols) {
        return new Description("sym", new Version(1, 0, 0), "linux-test", "0".repeat(64), FILE, "native/libsym.so",
                symbols, "default", 1L, 7L);
    }

    public static FunctionInvoker invoker(String symbol, String signature) {
        requireExported(symbol);
        try {
            return LIBRARY.function(symbol, NativeSignature.parse(signature));
        } catch (LoadRefusal e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public static VariableAccessor accessor(String symbol, NativeType type) {
        requireExported(symbol);
        try {
            return LIBRARY.variable(symbol, type);
        } catch (LoadRefusal e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The address of {@code symbol}, asked of jffi directly, to check what the services report. */
    public static long addressOf(String symbol) {
        // jffi caches one Library per path: the one the backend opened
        return com.kenai.jffi.Library.getCachedInstance(FILE.toString(), com.kenai.jffi.Library.NOW)
                .getSymbolAddress(symbol);
    }

    private static void requireExported(String symbol) {
        if (!LIBRARY.exports(symbol)) {
            throw new IllegalStateException(symbol + " is not in " + FILE);
        }
    }

    public static NativeFunctionService function(String name, String signature) {
        return function(name, signature, new TestLease(), new SymbolMetrics("sym", name, true));
    }

    public static NativeFunctionService function(String name, String signature, Lease lease, SymbolMetrics metrics) {
        NativeLibrary library = description(List.of(new NativeSymbol(name, NativeSymbol.Kind.FUNCTION, signature)));
        return new NativeFunctionService(name, NativeSignature.parse(signature), library, invoker(name, signature), lease,
                metrics);
    }

    public static NativeVariableService variable(String name, NativeType type, Lease lease) {
        NativeLibrary library = description(List.of(new NativeSymbol(name, NativeSymbol.Kind.VARIABLE, type.token())));
        return new NativeVariableService(name, type, library, accessor(name, type), lease);
    }

    /** A NativeLibrary as the loader describes one. */
    public record Description(String name, Version version, String platform, String sha256, Path file, String entry,
                       List<NativeSymbol> symbols, String tenant, long bundleId, long generation)
            implements NativeLibrary {
        @Override
        public String namespace() {
            return tenant + "/" + name + "/v" + version.getMajor();
        }

        @Override
        public List<String> dependencies() {
            return List.of();
        }

        @Override
        public List<CheckResult> checks() {
            return List.of();
        }
    }

    /** A lease that can be closed and counts what the guards do with it. */
    public static final class TestLease implements Lease {
        public final AtomicBoolean open = new AtomicBoolean(true);
        final AtomicInteger acquired = new AtomicInteger();
        final AtomicInteger released = new AtomicInteger();

        @Override
        public boolean acquire() {
            if (!open.get()) {
                return false;
            }
            acquired.incrementAndGet();
            return true;
        }

        @Override
        public void release() {
            released.incrementAndGet();
        }

        @Override
        public NativeLibraryUnloadedException unloaded() {
            return new NativeLibraryUnloadedException("sym", 7L);
        }
    }
}
