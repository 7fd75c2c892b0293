package io.nativebundle.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.Test;

public class RemoteTypesTest {

    @Test
    public void valuesCrossAddressesAndWritableMemoryDoNot() {
        for (TypeName t : List.of(TypeName.VOID, TypeName.BYTE, TypeName.SHORT, TypeName.INT, TypeName.LONG,
                TypeName.FLOAT, TypeName.DOUBLE, TypeName.BOOLEAN, TypeName.STRING)) {
            assertTrue(t.token(), RemoteTypes.crosses(t));
            assertEquals(Optional.empty(), RemoteTypes.whyNot(t));
        }
        assertFalse(RemoteTypes.crosses(TypeName.POINTER));
        assertFalse(RemoteTypes.crosses(TypeName.BUFFER));
    }

    @Test
    public void theRefusalNamesThePositionTheTypeAndWhy() {
        assertEquals(Optional.of("parameter 2 is pointer: a pointer is an address in the exporting process and means"
                + " nothing in another"), RemoteTypes.whyNot(List.of(TypeName.INT, TypeName.POINTER), TypeName.INT));
        assertEquals(Optional.of("the result is pointer: a pointer is an address in the exporting process and means"
                + " nothing in another"), RemoteTypes.whyNot(List.of(), TypeName.POINTER));
        assertEquals(Optional.of("parameter 1 is buffer: the callee may write into a buffer, and its writes would"
                + " reach a copy the caller never sees"), RemoteTypes.whyNot(List.of(TypeName.BUFFER), TypeName.VOID));
        assertEquals(Optional.empty(), RemoteTypes.whyNot(List.of(TypeName.INT, TypeName.STRING), TypeName.LONG));
        assertEquals("void, byte, short, int, long, float, double, boolean, string", RemoteTypes.vocabulary());
    }
}
