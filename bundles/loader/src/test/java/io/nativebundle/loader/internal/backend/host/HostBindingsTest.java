package io.nativebundle.loader.internal.backend.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.After;
import org.junit.Test;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.BackendLibrary;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.byref.IntByReference;
import jnr.ffi.types.intptr_t;
import jnr.ffi.types.u_int32_t;

/** A typed interface bound to a library that runs out of process, as the bnd plugin reads it. */
public class HostBindingsTest {

    /** Typed paths, boxed paths, a handle, a default method. */
    public interface Calls {
        int add(int a, int b);

        double mix(int a, double b, float c, long d);

        boolean is_positive(int value);

        String greet(CharSequence name);

        int length(String text);

        int fill(byte[] buffer, int count, int value);

        @intptr_t
        long box_new(int value);

        int box_value(@intptr_t long box);

        default int addTwice(int a, int b) {
            return add(add(a, b), b);
        }
    }

    /** Memory the JVM would read in the host: refused. */
    public interface WithPointer {
        int box_value(Pointer box);
    }

    /** An out-parameter: refused until out-parameters cross the boundary. */
    public interface WithOut {
        int add(IntByReference sum, int b);
    }

    /** An unsigned type the host would carry as the signed one: refused. */
    public interface WithUnsigned {
        @u_int32_t long add(@u_int32_t long a, @u_int32_t long b);
    }

    /** An unsigned result. */
    public interface WithUnsignedResult {
        @u_int32_t long add(int a, int b);
    }

    /** errno, which the host does not capture. */
    public interface WithErrno {
        @SaveError
        int add(int a, int b);
    }

    /** A struct by pointer, which jnr-ffi passes as an address of the JVM. */
    public interface WithStruct {
        int add(Pair pair, int b);
    }

    /** Two ints. */
    public static final class Pair extends jnr.ffi.Struct {
        public final Signed32 a = new Signed32();
        public final Signed32 b = new Signed32();

        public Pair(jnr.ffi.Runtime runtime) {
            super(runtime);
        }
    }

    /** A callback, which would be code of the JVM called from the host. */
    public interface WithByValue {
        int norm(@io.nativebundle.api.ByValue Pair p);
    }

    public interface WithByValueResult {
        @io.nativebundle.api.ByValue
        Pair make(int a);
    }

    public interface WithVariadic {
        @jnr.ffi.annotations.Variadic(fixedCount = 1)
        int sum(int n, int a, int b);
    }

    public interface WithCallback {
        int add(Visitor visitor, int b);
    }

    public interface Visitor {
        @jnr.ffi.annotations.Delegate
        int visit(int value);
    }

    private final HostFixture fixture;

    public HostBindingsTest() throws Exception {
        fixture = new HostFixture(3);
    }

    @After
    public void close() {
        fixture.close();
    }

    @Test
    public void theBindingCallsTheHostThroughTypedAndBoxedPaths() throws Exception {
        BackendLibrary library = fixture.open();
        Calls calls = library.bind(Calls.class);
        assertEquals(5, calls.add(2, 3));
        assertEquals(8, calls.addTwice(2, 3));
        assertEquals(10.75, calls.mix(1, 2.25, 0.5f, 7), 0.0);
        assertTrue(calls.is_positive(4));
        assertEquals("Hello, osgi!", calls.greet(new StringBuilder("osgi")));
        assertNull(calls.greet(null));
        assertEquals(3, calls.length("abc"));
        byte[] bytes = new byte[3];
        assertEquals(0, calls.fill(bytes, 3, 7));
        assertEquals(7, bytes[2]);
        assertEquals(99, calls.box_value(calls.box_new(99)));
        // one generated class per interface, shared by every generation
        assertEquals(calls.getClass(), fixture.open().bind(Calls.class).getClass());
    }

    @Test
    public void aPointerObjectOrAnOutParameterIsRefusedAtBindNamingTheMethod() throws Exception {
        BackendLibrary library = fixture.open();
        LoadRefusal pointer = assertThrows(LoadRefusal.class, () -> library.bind(WithPointer.class));
        assertEquals(RefusalReason.LOAD_FAILED, pointer.reason());
        assertTrue(pointer.getMessage(), pointer.getMessage().contains(WithPointer.class.getName()
                + ".box_value(jnr.ffi.Pointer) cannot be called across the process boundary: parameter 1 is"
                + " jnr.ffi.Pointer"));
        LoadRefusal out = assertThrows(LoadRefusal.class, () -> library.bind(WithOut.class));
        assertTrue(out.getMessage(), out.getMessage().contains("an out-parameter"));
    }

    @Test
    public void theCAbisShapesAreRefusedAtBindNamingMethodAndShape() throws Exception {
        BackendLibrary library = fixture.open();
        LoadRefusal unsigned = assertThrows(LoadRefusal.class, () -> library.bind(WithUnsigned.class));
        assertEquals(RefusalReason.LOAD_FAILED, unsigned.reason());
        assertTrue(unsigned.getMessage(), unsigned.getMessage().contains(WithUnsigned.class.getName()
                + ".add(long,long) cannot be called across the process boundary: parameter 1 is declared uint (long"
                + " with its jnr-ffi annotations); a library that runs out of process carries only void, byte,"));
        LoadRefusal result = assertThrows(LoadRefusal.class, () -> library.bind(WithUnsignedResult.class));
        assertTrue(result.getMessage(), result.getMessage().contains(": it returns uint (long with its jnr-ffi"
                + " annotations); "));
        LoadRefusal errno = assertThrows(LoadRefusal.class, () -> library.bind(WithErrno.class));
        assertTrue(errno.getMessage(), errno.getMessage().contains(": it is annotated @SaveError; "));
        LoadRefusal struct = assertThrows(LoadRefusal.class, () -> library.bind(WithStruct.class));
        assertEquals(RefusalReason.LOAD_FAILED, struct.reason());
        assertTrue(struct.getMessage(), struct.getMessage().contains(WithStruct.class.getName() + ".add("
                + Pair.class.getName() + ",int) cannot be called across the process boundary: parameter 1 is "
                + Pair.class.getName() + ", a jnr.ffi.Struct passed by pointer; a library that runs out of process"));
        LoadRefusal byValue = assertThrows(LoadRefusal.class, () -> library.bind(WithByValue.class));
        assertEquals(RefusalReason.LOAD_FAILED, byValue.reason());
        assertTrue(byValue.getMessage(), byValue.getMessage().contains(WithByValue.class.getName() + ".norm("
                + Pair.class.getName() + ") cannot be called across the process boundary: parameter 1 is "
                + Pair.class.getName() + ", a jnr.ffi.Struct passed by value (@ByValue); a library that runs out of"
                + " process carries only"));
        LoadRefusal byValueResult = assertThrows(LoadRefusal.class, () -> library.bind(WithByValueResult.class));
        assertTrue(byValueResult.getMessage(), byValueResult.getMessage().contains(".make(int) cannot be called"
                + " across the process boundary: it returns " + Pair.class.getName() + " by value (@ByValue); "));
        LoadRefusal variadic = assertThrows(LoadRefusal.class, () -> library.bind(WithVariadic.class));
        assertTrue(variadic.getMessage(), variadic.getMessage().contains(".sum(int,int,int) cannot be called across"
                + " the process boundary: it calls a variadic C function (@Variadic); "));
        LoadRefusal callback = assertThrows(LoadRefusal.class, () -> library.bind(WithCallback.class));
        assertTrue(callback.getMessage(), callback.getMessage().contains("parameter 1 is " + Visitor.class.getName()
                + ", a jnr-ffi callback; a library that runs out of process"));
    }
}
