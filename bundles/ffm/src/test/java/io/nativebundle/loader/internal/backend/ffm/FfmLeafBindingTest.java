package io.nativebundle.loader.internal.backend.ffm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.nativebundle.api.NativeLeaf;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.BackendLibrary;
import io.nativebundle.loader.internal.backend.LeafMethods;
import io.nativebundle.loader.internal.backend.jnr.JnrBackend;
import io.nativebundle.loader.internal.backend.ffm.FfmBindings.Call;

/**
 * Leaves declared outside the interface ({@code leaf=true} in {@code NativeBundle-Symbols}) bind
 * typed methods as {@code @NativeLeaf} does: a critical downcall where FFM calls the method itself,
 * the jnr binding where it does not, and a refusal for a leaf that takes a callback.
 */
public class FfmLeafBindingTest {

    /** No annotation: whatever is a leaf here, the manifest says so. */
    public interface Declared {
        int add(int a, int b);

        long add_long(long a, long b);

        @NativeLeaf
        double mix(double a, float b);

        int length(CharSequence text);
    }

    public interface Callback {
        int call(int value);
    }

    /** A method of the symbol add that takes a callback. */
    public interface CallingBack {
        int add(Callback callback, int b);
    }

    private static final Path LIBSYM = Path.of(System.getProperty("nativebundle.test.libsym",
            "target/test-natives/libsym.so")).toAbsolutePath();

    /** As a manifest would declare them: add and length leaves, add_long not. */
    private static final LeafMethods LEAVES = LeafMethods.declared(List.of(
            new NativeSymbol("add", NativeSymbol.Kind.FUNCTION, "(int,int)int", true),
            new NativeSymbol("add_long", NativeSymbol.Kind.FUNCTION, "(long,long)long", false),
            new NativeSymbol("length", NativeSymbol.Kind.FUNCTION, "(string)int", true)));

    @Rule
    public final TemporaryFolder temporary = new TemporaryFolder();

    private BackendLibrary library;

    @Before
    public void open() throws Exception {
        Path copy = Files.copy(LIBSYM, temporary.newFolder("generation").toPath().resolve("libsym.so"),
                StandardCopyOption.REPLACE_EXISTING);
        library = new FfmBackend(new JnrBackend()).open(copy, List.of());
    }

    @After
    public void close() {
        if (library != null) {
            library.close();
        }
    }

    @Test
    public void aManifestLeafIsACriticalDowncallAsAnAnnotatedOneIs() throws Exception {
        assertEquals(Call.CRITICAL, FfmBindings.call(Declared.class, Declared.class.getMethod("add", int.class, int.class), LEAVES));
        assertEquals(Call.CRITICAL, FfmBindings.call(Declared.class, Declared.class.getMethod("mix", double.class, float.class), LEAVES));
        assertEquals(Call.DOWNCALL, FfmBindings.call(Declared.class, Declared.class.getMethod("add_long", long.class, long.class), LEAVES));
        assertEquals("a leaf FFM does not carry stays jnr's", Call.JNR,
                FfmBindings.call(Declared.class, Declared.class.getMethod("length", CharSequence.class), LEAVES));
        assertEquals("without the manifest, add is an ordinary downcall", Call.DOWNCALL,
                FfmBindings.call(Declared.class, Declared.class.getMethod("add", int.class, int.class), LeafMethods.annotatedOnly()));
    }

    @Test
    public void theBindingOfDeclaredLeavesCallsEachMethodFromManyThreads() throws Exception {
        Declared declared = library.bind(Declared.class, LEAVES);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int base = t * 100_000;
                calls.add(pool.submit(() -> {
                    int wrong = 0;
                    for (int i = 0; i < 20_000; i++) {
                        wrong += declared.add(base, i) == base + i ? 0 : 1;
                        wrong += declared.add_long(base, i) == base + i ? 0 : 1;
                        wrong += declared.mix(i, 0.5f) == i * 0.5 ? 0 : 1;
                    }
                    wrong += declared.length("héllo") == 6 ? 0 : 1;
                    return wrong;
                }));
            }
            for (Future<Integer> call : calls) {
                assertEquals("calls that returned a wrong value", 0, (int) call.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void aManifestLeafWithACallbackIsRefusedNamingTheMethod() {
        LoadRefusal refusal = assertThrows(LoadRefusal.class, () -> library.bind(CallingBack.class, LEAVES));
        assertEquals(RefusalReason.LOAD_FAILED, refusal.reason());
        assertEquals(CallingBack.class.getName() + ".add is declared a leaf (leaf=true in NativeBundle-Symbols) and takes"
                + " the callback " + Callback.class.getName() + ": a leaf never calls back into Java; remove leaf=true"
                + " or the callback", refusal.getMessage());
    }
}
