package io.nativebundle.loader.internal.backend.host;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.AASTORE;
import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ACC_SYNTHETIC;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ANEWARRAY;
import static org.objectweb.asm.Opcodes.CHECKCAST;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKEINTERFACE;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.PUTFIELD;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V17;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

import io.nativebundle.api.NativeSignature;
import io.nativebundle.loader.internal.backend.FunctionInvoker;

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
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                // no frame of the generated code merges two reference types
                return "java/lang/Object";
            }
        };
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, self, null, "java/lang/Object",
                new String[] {Type.getInternalName(type)});
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
            boxArguments(mv, arguments);
            mv.visitMethodInsn(INVOKEINTERFACE, INVOKER, "invoke", "([Ljava/lang/Object;)Ljava/lang/Object;", true);
            unbox(mv, result);
        }
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void boxArguments(MethodVisitor mv, Type[] arguments) {
        mv.visitLdcInsn(arguments.length);
        mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
        int slot = 1;
        for (int i = 0; i < arguments.length; i++) {
            Type argument = arguments[i];
            mv.visitInsn(DUP);
            mv.visitLdcInsn(i);
            mv.visitVarInsn(argument.getOpcode(ILOAD), slot);
            box(mv, argument);
            mv.visitInsn(AASTORE);
            slot += argument.getSize();
        }
    }

    private static void box(MethodVisitor mv, Type type) {
        String boxed = switch (type.getSort()) {
            case Type.BOOLEAN -> "java/lang/Boolean";
            case Type.BYTE -> "java/lang/Byte";
            case Type.SHORT -> "java/lang/Short";
            case Type.INT -> "java/lang/Integer";
            case Type.LONG -> "java/lang/Long";
            case Type.FLOAT -> "java/lang/Float";
            case Type.DOUBLE -> "java/lang/Double";
            default -> null;
        };
        if (boxed != null) {
            mv.visitMethodInsn(INVOKESTATIC, boxed, "valueOf", "(" + type.getDescriptor() + ")L" + boxed + ";", false);
        } else if (type.getInternalName().equals("java/lang/CharSequence")) {
            mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "text", "(Ljava/lang/CharSequence;)Ljava/lang/String;", false);
        }
    }

    private static void unbox(MethodVisitor mv, Type type) {
        String boxed;
        String value;
        switch (type.getSort()) {
            case Type.VOID -> {
                mv.visitInsn(POP);
                mv.visitInsn(RETURN);
                return;
            }
            case Type.BOOLEAN -> { boxed = "java/lang/Boolean"; value = "booleanValue"; }
            case Type.BYTE -> { boxed = "java/lang/Byte"; value = "byteValue"; }
            case Type.SHORT -> { boxed = "java/lang/Short"; value = "shortValue"; }
            case Type.INT -> { boxed = "java/lang/Integer"; value = "intValue"; }
            case Type.LONG -> { boxed = "java/lang/Long"; value = "longValue"; }
            case Type.FLOAT -> { boxed = "java/lang/Float"; value = "floatValue"; }
            case Type.DOUBLE -> { boxed = "java/lang/Double"; value = "doubleValue"; }
            default -> {
                // String or CharSequence: the invoker returns a String (or null)
                mv.visitTypeInsn(CHECKCAST, type.getInternalName());
                mv.visitInsn(type.getOpcode(IRETURN));
                return;
            }
        }
        mv.visitTypeInsn(CHECKCAST, boxed);
        mv.visitMethodInsn(INVOKEVIRTUAL, boxed, value, "()" + type.getDescriptor(), false);
        mv.visitInsn(type.getOpcode(IRETURN));
    }
}
