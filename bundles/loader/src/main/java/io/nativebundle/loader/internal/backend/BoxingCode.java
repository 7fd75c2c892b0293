package io.nativebundle.loader.internal.backend;

import static org.objectweb.asm.Opcodes.AASTORE;
import static org.objectweb.asm.Opcodes.ANEWARRAY;
import static org.objectweb.asm.Opcodes.CHECKCAST;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.RETURN;

import java.util.function.Consumer;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The bytecode of a generated method that passes its arguments on as an {@code Object[]} and
 * returns what comes back unboxed: the host bindings' general path and the routed methods of a
 * typed interface. A primitive travels as its wrapper ({@code int} as {@code Integer}).
 */
public final class BoxingCode {

    private BoxingCode() {
    }

    /**
     * Pushes a new {@code Object[]} of the method's arguments, from local slot 1, each boxed;
     * {@code convert} may add code after a reference argument is loaded (the host makes a
     * {@code String} of a {@code CharSequence}).
     */
    public static void boxArguments(MethodVisitor mv, Type[] arguments, Consumer<Type> convert) {
        mv.visitLdcInsn(arguments.length);
        mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
        int slot = 1;
        for (int i = 0; i < arguments.length; i++) {
            Type argument = arguments[i];
            mv.visitInsn(DUP);
            mv.visitLdcInsn(i);
            mv.visitVarInsn(argument.getOpcode(ILOAD), slot);
            String boxed = wrapper(argument);
            if (boxed != null) {
                mv.visitMethodInsn(INVOKESTATIC, boxed, "valueOf", "(" + argument.getDescriptor() + ")L" + boxed + ";",
                        false);
            } else {
                convert.accept(argument);
            }
            mv.visitInsn(AASTORE);
            slot += argument.getSize();
        }
    }

    /** Returns the {@code Object} on the stack as {@code type}: unboxed from its wrapper, cast, or dropped for void. */
    public static void unboxAndReturn(MethodVisitor mv, Type type) {
        if (type.getSort() == Type.VOID) {
            mv.visitInsn(POP);
            mv.visitInsn(RETURN);
            return;
        }
        String boxed = wrapper(type);
        if (boxed == null) {
            mv.visitTypeInsn(CHECKCAST, type.getInternalName());
        } else {
            mv.visitTypeInsn(CHECKCAST, boxed);
            mv.visitMethodInsn(INVOKEVIRTUAL, boxed, type.getClassName() + "Value", "()" + type.getDescriptor(), false);
        }
        mv.visitInsn(type.getOpcode(IRETURN));
    }

    /** The wrapper class of a primitive type, by internal name; null for a reference type. */
    private static String wrapper(Type type) {
        return switch (type.getSort()) {
            case Type.BOOLEAN -> "java/lang/Boolean";
            case Type.BYTE -> "java/lang/Byte";
            case Type.SHORT -> "java/lang/Short";
            case Type.INT -> "java/lang/Integer";
            case Type.LONG -> "java/lang/Long";
            case Type.FLOAT -> "java/lang/Float";
            case Type.DOUBLE -> "java/lang/Double";
            default -> null;
        };
    }
}
