package io.nativebundle.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;

import org.junit.Test;

/** The signature grammar: what parses, and where and why what does not. */
public class SignatureParserTest {

    @Test
    public void parsesParametersAndReturnType() {
        Signature s = SignatureParser.parse("(pointer,long)int");
        assertEquals(List.of(TypeName.POINTER, TypeName.LONG), s.parameters());
        assertEquals(TypeName.INT, s.returnType());
        assertEquals("(pointer,long)int", s.toString());
    }

    @Test
    public void blanksLineBreaksAndCaseDoNotMatter() {
        assertEquals("(int,string)long", SignatureParser.parse("  ( int ,\tSTRING )\n long ").toString());
        assertEquals("()void", SignatureParser.parse("()void").toString());
        assertEquals(SignatureParser.parse("(int,int)int"), SignatureParser.parse("( Int , int ) INT"));
    }

    @Test
    public void everyTypeOfTheVocabularyParses() {
        for (TypeName type : TypeName.values()) {
            if (type == TypeName.STRUCT || type == TypeName.CALLBACK) {
                continue; // named by a layout or signature, never by this token (StructSignatureTest, CallbackSignatureTest)
            }
            assertEquals(type, SignatureParser.parse("()" + type.token()).returnType());
            if (type != TypeName.VOID) {
                assertEquals(List.of(type), SignatureParser.parse("(" + type.token() + ")void").parameters());
            }
        }
        assertEquals("void, byte, short, int, long, float, double, boolean, pointer, string, buffer, ubyte, ushort, uint, ulong, size_t, ssize_t",
                TypeName.vocabulary());
    }

    @Test
    public void errorsNameTheColumnWhatWasExpectedAndWhatWasFound() {
        assertError("int,int)int", 1, 1, "a signature must start with '(', as in (int,int)int; found 'int'");
        assertError("(int int)int", 1, 6, "expected ',' or ')' after a parameter type but found 'int'");
        assertError("(int,int)", 1, 10, "expected a return type after ')' but found the end of the signature;"
                + " write void for none");
        assertError("(int,,int)int", 1, 6, "expected a parameter type but found ','");
        assertError("(int,int)int()", 1, 13, "unexpected '(' after the return type");
        assertError("(void)int", 1, 2, "void is not a parameter type; write () for a function without parameters");
        assertError("(int,int", 1, 9, "expected ',' or ')' after a parameter type but found the end of the signature");
        assertError("(int;int)int", 1, 5, "expected ',' or ')' after a parameter type but found ';'");
        assertError("(int,integer)int", 1, 6, "unknown parameter type 'integer'; expected one of void, byte, short,"
                + " int, long, float, double, boolean, pointer, string, buffer, ubyte, ushort, uint, ulong, size_t, ssize_t");
        assertError("(int)str", 1, 6, "unknown return type 'str'; expected one of " + TypeName.vocabulary());
        assertError("", 1, 1, "a signature must start with '(', as in (int,int)int; found the end of the signature");
    }

    @Test
    public void anErrorOnALaterLineCountsLinesAndColumns() {
        SignatureException e = assertThrows(SignatureException.class,
                () -> SignatureParser.parse("(int,\n   nope)int"));
        assertEquals(2, e.line());
        assertEquals(4, e.column());
        assertEquals("signature '(int,\n   nope)int', line 2, column 4: unknown parameter type 'nope'; expected one"
                + " of " + TypeName.vocabulary(), e.getMessage());
    }

    @Test
    public void theMessageCarriesTextAndPosition() {
        SignatureException e = assertThrows(SignatureException.class, () -> SignatureParser.parse("(int,,int)int"));
        assertEquals("signature '(int,,int)int', column 6: expected a parameter type but found ','", e.getMessage());
        assertEquals("(int,,int)int", e.text());
    }

    @Test
    public void loneTypesAndVariableTypes() {
        assertEquals(TypeName.INT, SignatureParser.type(" int ", "variable"));
        assertEquals(TypeName.POINTER, SignatureParser.variableType("pointer"));
        SignatureException unknown = assertThrows(SignatureException.class,
                () -> SignatureParser.variableType("integer"));
        assertEquals("unknown variable type 'integer'; expected one of " + TypeName.vocabulary(), unknown.reason());
        SignatureException string = assertThrows(SignatureException.class,
                () -> SignatureParser.variableType("string"));
        assertEquals("a variable cannot be of type string; expected one of byte, short, int, long, float, double,"
                + " pointer", string.reason());
        SignatureException two = assertThrows(SignatureException.class, () -> SignatureParser.type("int int", "x"));
        assertEquals("unexpected 'int' after the type", two.reason());
        assertEquals(5, two.column());
        SignatureException none = assertThrows(SignatureException.class, () -> SignatureParser.type("  ", "variable"));
        assertEquals("expected a variable type but found the end of the signature", none.reason());
    }

    @Test
    public void aVoidParameterIsRefusedByTheValueToo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Signature(List.of(TypeName.VOID), TypeName.INT));
        assertEquals(SignatureParser.VOID_PARAMETER, e.getMessage());
    }

    private static void assertError(String text, int line, int column, String reason) {
        SignatureException e = assertThrows(SignatureException.class, () -> SignatureParser.parse(text));
        assertEquals(text + ": reason", reason, e.reason());
        assertEquals(text + ": line", line, e.line());
        assertEquals(text + ": column", column, e.column());
    }
}
