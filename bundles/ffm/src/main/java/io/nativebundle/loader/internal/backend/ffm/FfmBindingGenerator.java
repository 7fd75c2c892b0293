package io.nativebundle.loader.internal.backend.ffm;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LSTORE;
import static org.objectweb.asm.Opcodes.PUTSTATIC;
import static org.objectweb.asm.Opcodes.RETURN;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import jnr.ffi.byref.ByReference;

import io.nativebundle.loader.internal.backend.GeneratedClasses;

/**
 * Writes the FFM binding class of one interface: a final class implementing it with one
 * {@code static final MethodHandle} per abstract method, set from {@link FfmBindingHandles} by
 * its static initializer, and each method a single {@code invokeExact} of its handle with the
 * method's own descriptor ({@code int add(int,int)} is {@code return (int) h0.invokeExact(a, b);}).
 * A method with strings or primitive arrays passes each as a C string or a copy of the array on the
 * thread's {@link FfmScratch} and frees them however the call ends, copies arrays back out
 * ({@code @Out} or in-out) and reads a returned string before that:
 * <pre>
 * FfmScratch s = FfmScratch.current(); long m = s.mark();
 * try {
 *     MemorySegment v = s.put(values, true);
 *     String r = FfmStrings.read((MemorySegment) h0.invokeExact(s.put(a), v, n));
 *     FfmScratch.copyOut(v, values);
 *     return r;
 * } finally { s.reset(m); }
 * </pre>
 * A method the jnr binding calls ({@link FfmBindings.Call#JNR}) is a plain {@code invokeExact} of
 * the bound jnr method, with the method's own descriptor.
 */
final class FfmBindingGenerator {

    private static final String HANDLE = Type.getInternalName(MethodHandle.class);
    private static final String HANDLE_DESC = Type.getDescriptor(MethodHandle.class);
    private static final String HANDLES = Type.getInternalName(FfmBindingHandles.class);
    private static final String SCRATCH = Type.getInternalName(FfmScratch.class);
    private static final String STRINGS = Type.getInternalName(FfmStrings.class);
    private static final String REFERENCES = Type.getInternalName(FfmReferences.class);
    private static final String SEGMENT_DESC = Type.getDescriptor(MemorySegment.class);

    private FfmBindingGenerator() {
    }

    /** @param calls how each of {@code methods} is called, in the same order */
    static byte[] generate(String className, Class<?> type, List<Method> methods, List<FfmBindings.Call> calls) {
        String self = className.replace('.', '/');
        ClassWriter cw = GeneratedClasses.begin(self, "java/lang/Object", Type.getInternalName(type));
        for (int i = 0; i < methods.size(); i++) {
            cw.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, "h" + i, HANDLE_DESC, null, null).visitEnd();
        }
        staticInitializer(cw, self, className, methods.size());
        constructor(cw);
        for (int i = 0; i < methods.size(); i++) {
            method(cw, self, i, methods.get(i), calls.get(i));
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void staticInitializer(ClassWriter cw, String self, String className, int count) {
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        mv.visitCode();
        mv.visitLdcInsn(className);
        mv.visitMethodInsn(INVOKESTATIC, HANDLES, "take", "(Ljava/lang/String;)[" + HANDLE_DESC, false);
        mv.visitVarInsn(ASTORE, 0);
        for (int i = 0; i < count; i++) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitLdcInsn(i);
            mv.visitInsn(AALOAD);
            mv.visitFieldInsn(PUTSTATIC, self, "h" + i, HANDLE_DESC);
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void constructor(ClassWriter cw) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * The type of a method's handle FFM calls: the method's, each {@code String}, array and by-reference
     * a {@code MemorySegment}.
     */
    static MethodType carrierType(Method method) {
        Class<?>[] parameters = Arrays.stream(method.getParameterTypes()).map(FfmBindingGenerator::carrier)
                .toArray(Class<?>[]::new);
        return MethodType.methodType(carrier(method.getReturnType()), parameters);
    }

    private static Class<?> carrier(Class<?> type) {
        return type == String.class || byAddress(type) ? MemorySegment.class : type;
    }

    /** An array or a jnr-ffi by-reference: passed as the address of its copy on the scratch. */
    private static boolean byAddress(Class<?> type) {
        return type.isArray() || ByReference.class.isAssignableFrom(type);
    }

    private static boolean usesScratch(Method method) {
        return method.getReturnType() == String.class
                || Arrays.stream(method.getParameterTypes()).anyMatch(t -> t == String.class || byAddress(t));
    }

    private static void method(ClassWriter cw, String self, int index, Method method, FfmBindings.Call call) {
        if (call != FfmBindings.Call.JNR && usesScratch(method)) {
            scratchMethod(cw, self, index, method);
            return;
        }
        String descriptor = Type.getMethodDescriptor(method);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, method.getName(), descriptor, null, null);
        mv.visitCode();
        mv.visitFieldInsn(GETSTATIC, self, "h" + index, HANDLE_DESC);
        int slot = 1;
        for (Type argument : Type.getArgumentTypes(descriptor)) {
            mv.visitVarInsn(argument.getOpcode(org.objectweb.asm.Opcodes.ILOAD), slot);
            slot += argument.getSize();
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, HANDLE, "invokeExact", descriptor, false);
        mv.visitInsn(Type.getReturnType(descriptor).getOpcode(org.objectweb.asm.Opcodes.IRETURN));
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void scratchMethod(ClassWriter cw, String self, int index, Method method) {
        String descriptor = Type.getMethodDescriptor(method);
        Type[] arguments = Type.getArgumentTypes(descriptor);
        Type result = Type.getReturnType(descriptor);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, method.getName(), descriptor, null, null);
        mv.visitCode();
        int scratch = 1;
        for (Type argument : arguments) {
            scratch += argument.getSize();
        }
        int mark = scratch + 1;
        int value = mark + 2;
        // the copy of each array or by-reference argument, by argument index; 0 for the others
        Class<?>[] types = method.getParameterTypes();
        FfmTypedValues.Copy[] copied = new FfmTypedValues.Copy[arguments.length];
        int[] copies = new int[arguments.length];
        int next = value + 2;
        for (int i = 0; i < arguments.length; i++) {
            copied[i] = FfmTypedValues.copied(types[i], method.getParameterAnnotations()[i]).orElse(null);
            copies[i] = copied[i] != null ? next++ : 0;
        }
        mv.visitMethodInsn(INVOKESTATIC, SCRATCH, "current", "()L" + SCRATCH + ";", false);
        mv.visitVarInsn(ASTORE, scratch);
        mv.visitVarInsn(ALOAD, scratch);
        mv.visitMethodInsn(INVOKEVIRTUAL, SCRATCH, "mark", "()J", false);
        mv.visitVarInsn(LSTORE, mark);
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        mv.visitTryCatchBlock(start, end, handler, null);
        mv.visitLabel(start);
        int slot = 1;
        for (int i = 0; i < arguments.length; i++) {
            if (copies[i] != 0) {
                mv.visitVarInsn(ALOAD, scratch);
                mv.visitVarInsn(ALOAD, slot);
                mv.visitInsn(copied[i].in() ? ICONST_1 : ICONST_0);
                if (types[i].isArray()) {
                    mv.visitMethodInsn(INVOKEVIRTUAL, SCRATCH, "put", "(Ljava/lang/Object;Z)" + SEGMENT_DESC, false);
                } else {
                    mv.visitMethodInsn(INVOKESTATIC, REFERENCES, "put", "(L" + SCRATCH + ";Ljava/lang/Object;Z)"
                            + SEGMENT_DESC, false);
                }
                mv.visitVarInsn(ASTORE, copies[i]);
            }
            slot += arguments[i].getSize();
        }
        mv.visitFieldInsn(GETSTATIC, self, "h" + index, HANDLE_DESC);
        slot = 1;
        for (int i = 0; i < arguments.length; i++) {
            if (copies[i] != 0) {
                mv.visitVarInsn(ALOAD, copies[i]);
            } else if (arguments[i].getSort() == Type.OBJECT) {
                mv.visitVarInsn(ALOAD, scratch);
                mv.visitVarInsn(ALOAD, slot);
                mv.visitMethodInsn(INVOKEVIRTUAL, SCRATCH, "put", "(Ljava/lang/String;)" + SEGMENT_DESC, false);
            } else {
                mv.visitVarInsn(arguments[i].getOpcode(Opcodes.ILOAD), slot);
            }
            slot += arguments[i].getSize();
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, HANDLE, "invokeExact", carrierType(method).toMethodDescriptorString(), false);
        if (result.getSort() == Type.OBJECT) {
            mv.visitMethodInsn(INVOKESTATIC, STRINGS, "read", "(" + SEGMENT_DESC + ")Ljava/lang/String;", false);
        }
        if (result.getSort() != Type.VOID) {
            mv.visitVarInsn(result.getOpcode(Opcodes.ISTORE), value);
        }
        slot = 1;
        for (int i = 0; i < arguments.length; i++) {
            if (copies[i] != 0 && copied[i].out()) {
                mv.visitVarInsn(ALOAD, copies[i]);
                mv.visitVarInsn(ALOAD, slot);
                mv.visitMethodInsn(INVOKESTATIC, types[i].isArray() ? SCRATCH : REFERENCES, "copyOut",
                        "(" + SEGMENT_DESC + "Ljava/lang/Object;)V", false);
            }
            slot += arguments[i].getSize();
        }
        mv.visitLabel(end);
        reset(mv, scratch, mark);
        if (result.getSort() != Type.VOID) {
            mv.visitVarInsn(result.getOpcode(Opcodes.ILOAD), value);
        }
        mv.visitInsn(result.getOpcode(Opcodes.IRETURN));
        mv.visitLabel(handler);
        mv.visitVarInsn(ASTORE, value);
        reset(mv, scratch, mark);
        mv.visitVarInsn(ALOAD, value);
        mv.visitInsn(ATHROW);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void reset(MethodVisitor mv, int scratch, int mark) {
        mv.visitVarInsn(ALOAD, scratch);
        mv.visitVarInsn(LLOAD, mark);
        mv.visitMethodInsn(INVOKEVIRTUAL, SCRATCH, "reset", "(J)V", false);
    }
}
