package io.nativebundle.loader.internal.backend;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import io.nativebundle.api.NativeLeaf;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;

public class LeafMethodsTest {

    public interface Math {
        @NativeLeaf
        int add(int a, int b);

        int multiply(int a, int b);

        void noop();

        int length(CharSequence text);

        default int twice(int a) {
            return add(a, a);
        }
    }

    public interface Callback {
        int call(int value);
    }

    public interface Sorts {
        int apply(Callback callback, int value);
    }

    public interface AnnotatedSorts {
        @NativeLeaf
        int apply(Callback callback, int value);
    }

    private static NativeSymbol function(String name, String signature, boolean leaf) {
        return new NativeSymbol(name, NativeSymbol.Kind.FUNCTION, signature, leaf);
    }

    @Test
    public void annotatedOnlyKnowsTheAnnotation() throws Exception {
        LeafMethods leaves = LeafMethods.annotatedOnly();
        assertTrue(leaves.isLeaf(Math.class.getMethod("add", int.class, int.class)));
        assertFalse(leaves.isLeaf(Math.class.getMethod("multiply", int.class, int.class)));
        assertEquals(List.of("add"), leaves.names(Math.class));
    }

    @Test
    public void aManifestLeafMakesTheMethodOfItsSymbolALeaf() throws Exception {
        LeafMethods leaves = LeafMethods.declared(List.of(function("add", "(int,int)int", false),
                function("noop", "()void", true), function("multiply", "(int,int)int", false),
                new NativeSymbol("counter", NativeSymbol.Kind.VARIABLE, "int")));
        assertTrue(leaves.isLeaf(Math.class.getMethod("noop")));
        assertTrue("the annotation still counts", leaves.isLeaf(Math.class.getMethod("add", int.class, int.class)));
        assertFalse(leaves.isLeaf(Math.class.getMethod("multiply", int.class, int.class)));
        assertEquals("sorted, default methods left out", List.of("add", "noop"), leaves.names(Math.class));
    }

    @Test
    public void noDeclaredLeafIsTheAnnotatedRule() {
        assertEquals(LeafMethods.annotatedOnly(), LeafMethods.declared(List.of(function("add", "(int,int)int", false))));
    }

    @Test
    public void aManifestLeafWithACallbackIsRefusedNamingTheMethod() {
        LeafMethods leaves = LeafMethods.declared(List.of(function("apply", "(pointer,int)int", true)));
        LoadRefusal refusal = assertThrows(LoadRefusal.class, () -> leaves.refuseCallbacks(Sorts.class));
        assertEquals(RefusalReason.LOAD_FAILED, refusal.reason());
        assertEquals(Sorts.class.getName() + ".apply is declared a leaf (leaf=true in NativeBundle-Symbols) and takes"
                + " the callback " + Callback.class.getName() + ": a leaf never calls back into Java; remove leaf=true"
                + " or the callback", refusal.getMessage());
    }

    @Test
    public void anAnnotatedLeafWithACallbackIsRefusedWhateverTheManifest() {
        LoadRefusal refusal = assertThrows(LoadRefusal.class,
                () -> LeafMethods.annotatedOnly().refuseCallbacks(AnnotatedSorts.class));
        assertTrue(refusal.getMessage(), refusal.getMessage().contains(".apply is declared @NativeLeaf and takes the callback "
                + Callback.class.getName() + ": a leaf never calls back into Java; remove @NativeLeaf or the callback"));
    }

    @Test
    public void aCallbackWithoutALeafAndACharSequenceLeafAreFine() throws LoadRefusal {
        LeafMethods.annotatedOnly().refuseCallbacks(Sorts.class);
        LeafMethods.declared(List.of(function("length", "(string)int", true))).refuseCallbacks(Math.class);
    }
}
