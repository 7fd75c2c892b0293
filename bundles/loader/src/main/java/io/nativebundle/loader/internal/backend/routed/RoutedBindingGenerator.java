package io.nativebundle.loader.internal.backend.routed;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.CHECKCAST;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKEINTERFACE;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.PUTFIELD;
import static org.objectweb.asm.Opcodes.RETURN;

import java.lang.reflect.Method;
import java.util.List;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

import io.nativebundle.loader.internal.backend.BoxingCode;
import io.nativebundle.loader.internal.backend.GeneratedClasses;
import io.nativebundle.loader.internal.backend.RoutedMethods;

/**
 * Writes the class that implements a typed interface with routed methods: a final class with the
 * backend's binding of the {@link SubsetInterface} and one {@link RoutedCall} per routed method.
 * A bound method is {@code return this.bound.add(a, b);} (one monomorphic interface call, which
 * the JIT inlines); a routed one boxes its arguments into an array, calls its {@code RoutedCall}
 * and unboxes the result.
 */
final class RoutedBindingGenerator {

    private static final String CALL = Type.getInternalName(RoutedCall.class);
    private static final String CALLS_DESC = Type.getDescriptor(RoutedCall[].class);

    private final String self;
    private final String subset;

    private RoutedBindingGenerator(String className, String subsetName) {
        this.self = className.replace('.', '/');
        this.subset = subsetName.replace('.', '/');
    }

    /**
     * @param methods every abstract method of {@code type}; the routed ones take the entries of the
     *                {@code RoutedCall[]} of the constructor in their order here
     */
    static byte[] generate(String className, Class<?> type, String subsetName, List<Method> methods) {
        return new RoutedBindingGenerator(className, subsetName).write(type, methods);
    }

    private byte[] write(Class<?> type, List<Method> methods) {
        ClassWriter cw = GeneratedClasses.begin(self, "java/lang/Object", Type.getInternalName(type));
        cw.visitField(ACC_PRIVATE | ACC_FINAL, "bound", "L" + subset + ";", null, null).visitEnd();
        cw.visitField(ACC_PRIVATE | ACC_FINAL, "routes", CALLS_DESC, null, null).visitEnd();
        constructor(cw);
        int routed = 0;
        for (Method method : methods) {
            if (RoutedMethods.isRouted(method)) {
                routed(cw, method, routed++);
            } else {
                bound(cw, method);
            }
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    private void constructor(ClassWriter cw) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "(Ljava/lang/Object;" + CALLS_DESC + ")V", null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitTypeInsn(CHECKCAST, subset);
        mv.visitFieldInsn(PUTFIELD, self, "bound", "L" + subset + ";");
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, 2);
        mv.visitFieldInsn(PUTFIELD, self, "routes", CALLS_DESC);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private void bound(ClassWriter cw, Method method) {
        String desc = Type.getMethodDescriptor(method);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, method.getName(), desc, null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, "bound", "L" + subset + ";");
        int slot = 1;
        for (Type argument : Type.getArgumentTypes(desc)) {
            mv.visitVarInsn(argument.getOpcode(ILOAD), slot);
            slot += argument.getSize();
        }
        mv.visitMethodInsn(INVOKEINTERFACE, subset, method.getName(), desc, true);
        mv.visitInsn(Type.getReturnType(desc).getOpcode(IRETURN));
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private void routed(ClassWriter cw, Method method, int index) {
        String desc = Type.getMethodDescriptor(method);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, method.getName(), desc, null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, "routes", CALLS_DESC);
        mv.visitLdcInsn(index);
        mv.visitInsn(AALOAD);
        BoxingCode.boxArguments(mv, Type.getArgumentTypes(desc), argument -> { });
        mv.visitMethodInsn(INVOKEVIRTUAL, CALL, "call", "([Ljava/lang/Object;)Ljava/lang/Object;", false);
        BoxingCode.unboxAndReturn(mv, Type.getReturnType(desc));
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
