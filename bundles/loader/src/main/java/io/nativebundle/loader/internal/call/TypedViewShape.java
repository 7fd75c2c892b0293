package io.nativebundle.loader.internal.call;

import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeSignature;

/**
 * The rule of {@link NativeFunction}'s typed views ({@code asIntBinaryOperator()}, ...), for every
 * implementation, local or imported: a view is given only for its own shape, parameter names
 * aside, and asking for another is an {@link IllegalStateException} naming both.
 */
public final class TypedViewShape {

    private TypedViewShape() {
    }

    /**
     * The signature without its parameter names, for a signature of the first vocabulary:
     * {@code (int a,int b)int} has the shape {@code (int,int)int} and the same typed view.
     */
    public static NativeSignature of(NativeSignature s) {
        return s.isBasic() ? new NativeSignature(s.parameters(), s.returnType()) : s;
    }

    /**
     * @throws IllegalStateException when {@code function}'s signature is not of the shape {@code needed}
     */
    public static void require(NativeFunction function, String accessor, NativeSignature needed) {
        NativeSignature s = function.signature();
        if (!of(s).equals(needed)) {
            throw new IllegalStateException(function.name() + s + " is not a " + needed + " function; " + accessor
                    + " needs " + needed + ", use invoke(Object...) for " + s);
        }
    }
}
