package io.nativebundle.loader.internal.call;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.ref.ReferenceQueue;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.Test;
import org.osgi.framework.Version;

import io.nativebundle.api.NativeLibraryUnloadedException;
import io.nativebundle.loader.internal.backend.ProtocolClassLoader;
import io.nativebundle.loader.internal.metrics.SymbolMetrics;
import io.nativebundle.loader.internal.open.LibraryGeneration;

/** The generated guard class forwards every kind of method and refuses calls once cut. */
public class GuardFactoryTest {

    /** Every JVM type in parameters and results, overloads, a default method and a checked exception. */
    public interface Everything extends Base<String> {
        int add(int a, int b);

        long add(long a, long b);

        double add(double a, double b);

        float scale(float f, byte b, short s, char c);

        boolean not(boolean b);

        String echo(String s, long padding, int[] values);

        int[] reverse(int[] values);

        void run();

        Object self();

        default Object defaultSelf() {
            return self();
        }

        default int twice(int a) {
            return add(a, a);
        }

        void fail() throws IOException;

        @Override
        String get();

        @Override
        String toString();
    }

    /** A generic superinterface: the guard also implements the erased bridge {@code Object get()}. */
    public interface Base<T> {
        T get();
    }

    static final class Impl implements Everything {
        final List<String> calls = new ArrayList<>();

        @Override
        public int add(int a, int b) {
            calls.add("add(int)");
            return a + b;
        }

        @Override
        public long add(long a, long b) {
            return a + b;
        }

        @Override
        public double add(double a, double b) {
            return a + b;
        }

        @Override
        public float scale(float f, byte b, short s, char c) {
            return f * b * s * c;
        }

        @Override
        public boolean not(boolean b) {
            return !b;
        }

        @Override
        public String echo(String s, long padding, int[] values) {
            return s + padding + values.length;
        }

        @Override
        public int[] reverse(int[] values) {
            int[] r = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                r[i] = values[values.length - 1 - i];
            }
            return r;
        }

        @Override
        public void run() {
            calls.add("run");
        }

        @Override
        public Object self() {
            return this;
        }

        @Override
        public void fail() throws IOException {
            throw new IOException("from the target");
        }

        @Override
        public String get() {
            return "got";
        }

        @Override
        public String toString() {
            return "the target";
        }
    }

    interface Hidden {
        int f();
    }

    private static LibraryGeneration generation() {
        return new LibraryGeneration("calc", new Version(1, 2, 0), 7L, 3L, "test.calc", null, List.of(), new ReferenceQueue<>());
    }

    @Test
    public void forwardsEveryTypeOverloadAndBridge() throws Exception {
        Impl target = new Impl();
        Everything guard = GuardFactory.of(Everything.class).guard(generation(), target, null);

        assertEquals(5, guard.add(2, 3));
        assertEquals(5_000_000_000L, guard.add(2_000_000_000L, 3_000_000_000L));
        assertEquals(0.75, guard.add(0.5, 0.25), 0.0);
        assertEquals(2f * 3 * 4 * 'A', guard.scale(2f, (byte) 3, (short) 4, 'A'), 0f);
        assertFalse(guard.not(true));
        assertEquals("x91", guard.echo("x", 9L, new int[] {1}));
        assertArrayEquals(new int[] {3, 2, 1}, guard.reverse(new int[] {1, 2, 3}));
        guard.run();
        assertEquals("got", guard.get());
        @SuppressWarnings("unchecked")
        Base<Object> erased = (Base<Object>) (Base<?>) guard;
        assertEquals("the bridge Object get() forwards too", "got", erased.get());
        assertEquals(List.of("add(int)", "run"), target.calls);
    }

    @Test
    public void defaultMethodsRunOnTheTargetUnderOneLease() {
        Impl target = new Impl();
        Everything guard = GuardFactory.of(Everything.class).guard(generation(), target, null);
        assertSame("the default method ran with this = target", target, guard.defaultSelf());
        assertEquals(8, guard.twice(4));
    }

    @Test
    public void checkedExceptionsPassUnchanged() {
        Everything guard = GuardFactory.of(Everything.class).guard(generation(), new Impl(), null);
        IOException e = assertThrows(IOException.class, guard::fail);
        assertEquals("from the target", e.getMessage());
    }

    @Test
    public void objectMethodsAreTheGuardsOwn() {
        Impl target = new Impl();
        Everything guard = GuardFactory.of(Everything.class).guard(generation(), target, null);
        Everything other = GuardFactory.of(Everything.class).guard(generation(), target, null);
        assertNotEquals(guard, other);
        assertEquals(guard, guard);
        assertEquals(System.identityHashCode(guard), guard.hashCode());
        assertTrue(guard.toString(), guard.toString().contains("library 'calc' generation 7"));
        assertFalse(guard.toString(), guard.toString().contains("the target"));
    }

    @Test
    public void afterTheCutCallsThrowNamingLibraryAndGenerationAndNeverReachTheTarget() {
        LibraryGeneration generation = generation();
        Impl target = new Impl();
        Everything guard = GuardFactory.of(Everything.class).guard(generation, target, null);
        assertTrue(generation.beginUnload("test"));

        NativeLibraryUnloadedException e = assertThrows(NativeLibraryUnloadedException.class, () -> guard.add(1, 2));
        assertEquals("calc", e.library());
        assertEquals(7L, e.generation());
        assertTrue(e.getMessage(), e.getMessage().contains("'calc' generation 7"));
        assertThrows(NativeLibraryUnloadedException.class, guard::run);
        assertThrows(NativeLibraryUnloadedException.class, () -> guard.twice(1));
        assertThrows(NativeLibraryUnloadedException.class, guard::get);
        assertTrue(target.calls.isEmpty());
        assertTrue(((Guard) guard).isCut());
        assertTrue(guard.toString(), guard.toString().endsWith("(unloaded)"));
    }

    @Test
    public void metricsCountSuccessesFailuresAndRefusedCalls() {
        GuardFactory<Everything> factory = GuardFactory.of(Everything.class);
        SymbolMetrics[] metrics = new SymbolMetrics[factory.methods().size()];
        SymbolMetrics add = new SymbolMetrics("calc", "add", true);
        SymbolMetrics fail = new SymbolMetrics("calc", "fail", true);
        SymbolMetrics off = new SymbolMetrics("calc", "run", false);
        metrics[index(factory, "add", int.class, int.class)] = add;
        metrics[index(factory, "fail")] = fail;
        metrics[index(factory, "run")] = off;
        LibraryGeneration generation = generation();
        Everything guard = GuardFactory.of(Everything.class).guard(generation, new Impl(), metrics);

        for (int i = 0; i < 100; i++) {
            assertEquals(2 * i, guard.add(i, i));
        }
        assertThrows(IOException.class, guard::fail);
        guard.run();
        assertEquals("a method without metrics still works", 3L, guard.add(1L, 2L));
        generation.beginUnload("test");
        assertThrows(NativeLibraryUnloadedException.class, () -> guard.add(1, 1));

        assertEquals(101, add.calls());
        assertEquals("the refused call counts as an error", 1, add.errors());
        assertEquals(1, fail.calls());
        assertEquals(1, fail.errors());
        assertEquals("metrics switched off count nothing", 0, off.calls());
    }

    @Test
    public void methodsAreSortedAndTheClassIsGeneratedOncePerInterface() {
        GuardFactory<Everything> factory = GuardFactory.of(Everything.class);
        assertSame(factory, GuardFactory.of(Everything.class));
        List<String> names = new ArrayList<>();
        for (Method m : factory.methods()) {
            names.add(m.getName());
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names);
        assertFalse("toString is the guard's own", names.contains("toString"));
        assertTrue("both the String and the bridged Object get()", names.indexOf("get") != names.lastIndexOf("get"));
        assertEquals(3, names.stream().filter("add"::equals).count());

        Everything a = GuardFactory.of(Everything.class).guard(generation(), new Impl(), null);
        Everything b = GuardFactory.of(Everything.class).guard(generation(), new Impl(), null);
        assertSame(a.getClass(), b.getClass());
        assertEquals(Everything.class.getName() + "$NativeGuard", a.getClass().getName());
        assertTrue(a.getClass().getClassLoader() instanceof ProtocolClassLoader);
    }

    @Test
    public void aWrongMetricsArrayOrANonPublicInterfaceIsRefused() {
        IllegalArgumentException wrongSize = assertThrows(IllegalArgumentException.class,
                () -> GuardFactory.of(Everything.class).guard(generation(), new Impl(), new SymbolMetrics[1]));
        assertTrue(wrongSize.getMessage(), wrongSize.getMessage().contains("see methods()"));
        IllegalArgumentException hidden = assertThrows(IllegalArgumentException.class,
                () -> GuardFactory.of(Hidden.class));
        assertTrue(hidden.getMessage(), hidden.getMessage().contains("expected a public interface"));
    }

    @Test
    public void worksForJdkInterfacesToo() {
        @SuppressWarnings("unchecked")
        Supplier<String> guard = GuardFactory.of(Supplier.class).guard(generation(), (Supplier<String>) () -> "jdk", null);
        assertEquals("jdk", guard.get());
        assertTrue(guard.getClass().getName(), guard.getClass().getName().startsWith("io.nativebundle.guard.java."));
    }

    private static int index(GuardFactory<?> factory, String name, Class<?>... parameters) {
        List<Method> methods = factory.methods();
        for (int i = 0; i < methods.size(); i++) {
            if (methods.get(i).getName().equals(name)
                    && java.util.Arrays.equals(methods.get(i).getParameterTypes(), parameters)) {
                return i;
            }
        }
        throw new AssertionError("no method " + name);
    }
}
