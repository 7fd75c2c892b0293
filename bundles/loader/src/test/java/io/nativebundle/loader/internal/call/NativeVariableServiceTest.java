package io.nativebundle.loader.internal.call;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

import io.nativebundle.api.NativeLibraryUnloadedException;
import io.nativebundle.api.NativeType;

/** Variables of every type, read and written at their address; C sees the writes. */
public class NativeVariableServiceTest {

    private final TestLibrary.TestLease lease = new TestLibrary.TestLease();

    @Test
    public void anIntWrittenFromJavaIsSeenByC() {
        NativeVariableService counter = TestLibrary.variable("counter", NativeType.INT, lease);
        NativeFunctionService value = TestLibrary.function("counter_value", "()int");
        counter.setInt(41);
        assertEquals(41, value.asIntSupplier().getAsInt());
        TestLibrary.function("bump", "()void").asRunnable().run();
        assertEquals(42, counter.getInt());
        assertEquals(42, counter.get());
        assertEquals(42L, counter.getLong());
        counter.set((short) -2);
        assertEquals(-2, value.asIntSupplier().getAsInt());
        counter.set(7L);
        assertEquals(7, counter.getInt());
        assertEquals(NativeType.INT, counter.type());
        assertEquals(lease.acquired.get(), lease.released.get());
    }

    @Test
    public void everyTypeRoundTrips() {
        NativeVariableService big = TestLibrary.variable("big", NativeType.LONG, lease);
        big.setLong(Long.MIN_VALUE);
        assertEquals(Long.MIN_VALUE, big.get());
        NativeVariableService ratio = TestLibrary.variable("ratio", NativeType.DOUBLE, lease);
        ratio.setDouble(0.1);
        assertEquals(0.1, ratio.getDouble(), 0.0);
        ratio.set(3);
        assertEquals(3.0, ratio.get());
        NativeVariableService scale = TestLibrary.variable("scale", NativeType.FLOAT, lease);
        scale.set(2.5f);
        assertEquals(2.5f, scale.get());
        assertEquals(2.5, scale.getDouble(), 0.0);
        scale.set(0.25);
        assertEquals(0.25f, scale.get());
        NativeVariableService small = TestLibrary.variable("small", NativeType.BYTE, lease);
        small.set(-128);
        assertEquals((byte) -128, small.get());
        assertEquals(-128, small.getInt());
        NativeVariableService middle = TestLibrary.variable("middle", NativeType.SHORT, lease);
        middle.set(32767);
        assertEquals((short) 32767, middle.get());
        NativeVariableService where = TestLibrary.variable("where", NativeType.POINTER, lease);
        long address = TestLibrary.addressOf("counter");
        where.setLong(address);
        assertEquals(address, where.get());
        assertEquals(address, where.getLong());
        where.set(0L);
        assertEquals(0L, where.getLong());
    }

    @Test
    public void aMismatchedAccessorNamesTheDeclaredType() {
        NativeVariableService counter = TestLibrary.variable("counter", NativeType.INT, lease);
        assertEquals("counter is an int variable; getDouble() needs a double or float variable; use get() or set(Object)",
                assertThrows(IllegalStateException.class, counter::getDouble).getMessage());
        assertEquals("counter is an int variable; setLong(long) needs a long or pointer variable; use get() or set(Object)",
                assertThrows(IllegalStateException.class, () -> counter.setLong(1)).getMessage());
        NativeVariableService ratio = TestLibrary.variable("ratio", NativeType.DOUBLE, lease);
        assertEquals("ratio is a double variable; getInt() needs an int, short or byte variable; use get() or set(Object)",
                assertThrows(IllegalStateException.class, ratio::getInt).getMessage());
        assertThrows(IllegalStateException.class, () -> ratio.setInt(1));
        assertThrows(IllegalStateException.class, ratio::getLong);
        NativeVariableService scale = TestLibrary.variable("scale", NativeType.FLOAT, lease);
        assertThrows(IllegalStateException.class, () -> scale.setDouble(1));
    }

    @Test
    public void setChecksTypeAndRange() {
        NativeVariableService counter = TestLibrary.variable("counter", NativeType.INT, lease);
        assertEquals("counter is an int variable; Long 4294967296 is outside -2147483648..2147483647",
                assertThrows(IllegalArgumentException.class, () -> counter.set(1L << 32)).getMessage());
        assertEquals("counter is an int variable; set(Object) needs an integer (Byte, Short, Integer or Long)"
                        + " but got String \"3\"",
                assertThrows(IllegalArgumentException.class, () -> counter.set("3")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> counter.set(1.0));
        assertThrows(IllegalArgumentException.class, () -> counter.set(null));
        NativeVariableService small = TestLibrary.variable("small", NativeType.BYTE, lease);
        assertEquals("small is a byte variable; Integer 128 is outside -128..127",
                assertThrows(IllegalArgumentException.class, () -> small.set(128)).getMessage());
        NativeVariableService scale = TestLibrary.variable("scale", NativeType.FLOAT, lease);
        assertThrows(IllegalArgumentException.class, () -> scale.set(1e300));
        assertThrows(IllegalArgumentException.class, () -> scale.set(true));
    }

    @Test
    public void afterCutAccessesThrowUnloaded() {
        NativeVariableService counter = TestLibrary.variable("counter", NativeType.INT, lease);
        counter.cut();
        assertThrows(NativeLibraryUnloadedException.class, counter::getInt);
        assertThrows(NativeLibraryUnloadedException.class, () -> counter.set(1));
        assertThrows(NativeLibraryUnloadedException.class, counter::get);
        assertEquals(0, lease.acquired.get());
    }

    @Test
    public void aVariableOfAnUnsupportedTypeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> TestLibrary.variable("counter", NativeType.STRING, lease));
    }
}
