package io.nativebundle.loader.internal.backend.host;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKEINTERFACE;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.PUTFIELD;
import static org.objectweb.asm.Opcodes.RETURN;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

import io.nativebundle.api.NativeSignature;
import io.nativebundle.loader.internal.backend.BoxingCode;
import io.nativebundle.loader.internal.backend.FunctionInvoker;
import io.nativebundle.loader.internal.backend.GeneratedClasses;

/**
 * Writes the host binding class of one interface: a final class implementing it, with one
 * {@link FunctionInvoker} field per abstract method. A method whose Java and native types match a
 * typed path of the invoker calls it with its primitives ({@code int add(int,int)} is
 * {@code return this.f0.intIntToInt(a, b);}); any other boxes its arguments into an array, calls
 * {@link FunctionInvoker#invoke} and unboxes the result.
 */
final class HostBindingGenerator {

    private static final String INVOKER = Type.getInternalName(FunctionInvoker.class);
    private static final String INVOKER_DESC = Type.getDescriptor(FunctionInvoker.class);
    private static final String SUPPORT = Type.getInternalName(BindingSupport.class);

    /** Typed paths of the invoker, by the Java descriptor and the native signature they serve. */
    private static final Map<String, String[]> TYPED = Map.of(
            "(II)I (int,int)int", new String[] {"intIntToInt", "(II)I"},
            "(I)I (int)int", new String[] {"intToInt", "(I)I"},
            "()I ()int", new String[] {"toInt", "()I"},
            "(JJ)J (long,long)long", new String[] {"longLongToLong", "(JJ)J"},
            "()V ()void", new String[] {"toVoid", "()V"},
            "(Ljava/lang/String;)I (string)int", new String[] {"stringToInt", "(Ljava/lang/String;)I"},
            "(Ljava/lang/String;)Ljava/lang/String; (string)string",
            new String[] {"stringToString", "(Ljava/lang/String;)Ljava/lang/String;"});

    private final String self;

    private HostBindingGenerator(String className) {
        this.self = className.replace('.', '/');
    }

    static byte[] generate(String className, Class<?> type, List<Method> methods, List<NativeSignature> signatures) {
        return new HostBindingGenerator(className).write(type, methods, signatures);
    }

    private byte[] write(Class<?> type, List<Method> methods, List<NativeSignature> signatures) {
        ClassWriter cw = GeneratedClasses.begin(self, "java/lang/Object", Type.getInternalName(type));
        for (int i = 0; i < methods.size(); i++) {
            cw.visitField(ACC_PRIVATE | ACC_FINAL, field(i), INVOKER_DESC, null, null).visitEnd();
        }
        constructor(cw, methods.size());
        for (int i = 0; i < methods.size(); i++) {
            method(cw, methods.get(i), signatures.get(i), i);
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static String field(int index) {
        return "f" + index;
    }

    private void constructor(ClassWriter cw, int count) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "([" + INVOKER_DESC + ")V", null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        for (int i = 0; i < count; i++) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitLdcInsn(i);
            mv.visitInsn(AALOAD);
            mv.visitFieldInsn(PUTFIELD, self, field(i), INVOKER_DESC);
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private void method(ClassWriter cw, Method method, NativeSignature signature, int index) {
        String desc = Type.getMethodDescriptor(method);
        Type[] arguments = Type.getArgumentTypes(desc);
        Type result = Type.getReturnType(desc);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, method.getName(), desc, null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, field(index), INVOKER_DESC);
        String[] typed = TYPED.get(desc + " " + signature);
        if (typed != null) {
            int slot = 1;
            for (Type argument : arguments) {
                mv.visitVarInsn(argument.getOpcode(ILOAD), slot);
                slot += argument.getSize();
            }
            mv.visitMethodInsn(INVOKEINTERFACE, INVOKER, typed[0], typed[1], true);
            mv.visitInsn(result.getOpcode(IRETURN));
        } else {
            BoxingCode.boxArguments(mv, arguments, argument -> text(mv, argument));
            mv.visitMethodInsn(INVOKEINTERFACE, INVOKER, "invoke", "([Ljava/lang/Object;)Ljava/lang/Object;", true);
            // String or CharSequence results: the invoker returns a String (or null)
            BoxingCode.unboxAndReturn(mv, result);
        }
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** A {@code CharSequence} argument becomes the {@code String} an invoker takes. */
    private static void text(MethodVisitor mv, Type argument) {
        if (argument.getInternalName().equals("java/lang/CharSequence")) {
            mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "text", "(Ljava/lang/CharSequence;)Ljava/lang/String;", false);
        }
    }
}
