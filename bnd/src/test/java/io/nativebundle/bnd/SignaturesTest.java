package io.nativebundle.bnd;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;

import org.junit.Test;

import io.nativebundle.api.NativeType;

/** The signature syntax of -nativebundle-symbols. */
public class SignaturesTest {

    @Test
    public void parsesParametersAndResult() {
        SymbolDeclaration d = Signatures.function("raw_fn", " (pointer, long) int", "test");

        assertEquals(List.of(NativeType.POINTER, NativeType.LONG), d.parameters());
        assertEquals(NativeType.INT, d.result());
        assertEquals("(pointer,long)int", d.signature());
    }

    @Test
    public void emptyParenthesesMeanNoParameters() {
        assertEquals("()void", Signatures.function("reset", "()void", "test").signature());
    }

    @Test
    public void voidParameterIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Signatures.function("reset", "(void)void", "test"));
        assertEquals("signature \"(void)void\" of 'reset' has a void parameter; write () for a function without "
            + "parameters", e.getMessage());
    }

    @Test
    public void missingResultIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Signatures.function("add", "(int,int)", "test"));
        assertEquals("signature \"(int,int)\" of 'add' is not of the form (type,type,...)type, e.g. (int,int)int or "
            + "()void", e.getMessage());
    }

    @Test
    public void voidVariableIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Signatures.variable("nothing", "void", "test"));
        assertEquals("variable 'nothing' cannot have type void", e.getMessage());
    }
}
