package io.nativebundle.shell.internal;

import static org.junit.Assert.assertEquals;

import java.util.Optional;

import org.junit.Test;

public class HeaderAttributesTest {

    @Test
    public void readsAnAttributeOfTheFirstClause() {
        String header = "math;version=1.2.0;interface=io.nativebundle.examples.math.MathLib";
        assertEquals(Optional.of("1.2.0"), HeaderAttributes.attribute(header, "version"));
        assertEquals(Optional.of("io.nativebundle.examples.math.MathLib"), HeaderAttributes.attribute(header, "interface"));
        assertEquals(Optional.empty(), HeaderAttributes.attribute(header, "system"));
    }

    @Test
    public void honoursQuotesTypesAndDirectives() {
        assertEquals(Optional.of("1.2.0"), HeaderAttributes.attribute("x ; version:Version=\"1.2.0\"", "version"));
        assertEquals(Optional.of("a;b,c"), HeaderAttributes.attribute("x;v=\"a;b,c\";w=1, y;v=2", "v"));
        assertEquals(Optional.empty(), HeaderAttributes.attribute("x;version:=1", "version"));
        assertEquals(Optional.empty(), HeaderAttributes.attribute(null, "version"));
    }
}
