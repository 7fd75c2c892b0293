package io.nativebundle.loader.internal.call;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PROTECTED;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_VOLATILE;
import static org.objectweb.asm.Opcodes.ACONST_NULL;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.CHECKCAST;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFNONNULL;
import static org.objectweb.asm.Opcodes.IFNULL;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKEINTERFACE;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LSTORE;
import static org.objectweb.asm.Opcodes.PUTFIELD;
import static org.objectweb.asm.Opcodes.RETURN;

import java.lang.ref.Reference;
import java.lang.reflect.Method;
import java.util.List;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

import io.nativebundle.api.NativeLibraryUnloadedException;
import io.nativebundle.loader.internal.backend.CallbackInterfaces;
import io.nativebundle.loader.internal.backend.GeneratedClasses;
import io.nativebundle.loader.internal.backend.RoutedMethods;
import io.nativebundle.loader.internal.metrics.SymbolMetrics;
import io.nativebundle.loader.internal.open.LibraryGeneration;

/**
 * Writes the bytecode of the guard class of one interface: a final subclass of {@link Guard}
 * that implements the interface, with a volatile {@code target} and one {@link SymbolMetrics}
 * field per method. Each method is, in Java terms:
 *
 * <pre>{@code
 * T t = this.target;
 * if (t == null) throw refused(this.m3);
 * SymbolMetrics m;
 * if (SymbolMetrics.anyEnabled() && (m = this.m3) != null && m.enabled()) {
 *     long s = m.start();
 *     try { R r = t.call(args); fence(t); m.success(s); return r; }
 *     catch (Throwable e) { fence(t); m.failure(s); throw e; }
 * }
 * try { return t.call(args); } finally { Reference.reachabilityFence(t); }
 * }</pre>
 *
 * A method with a {@code String} parameter gives back, when the call throws, the strings jnr-ffi
 * converted and did not release (it skips the release when a later parameter's conversion
 * throws): {@code stringsCallAbandoned()} when only primitives come before its first string,
 * otherwise {@code long k = stringsMark()} before the call and {@code stringsAbandoned(k)}
 * ({@link Strings}).
 *
 * A method annotated jnr-ffi's {@code @SaveError} also calls {@code saveErrno()} right after
 * {@code t.call(args)}, so {@code NativeLibrary.lastErrno()} has its errno (not a routed one,
 * {@code RoutedMethods}, whose invoker records the errno it returns itself); a method with a
 * jnr-ffi callback parameter then calls {@code callbacksReturned()}, which rethrows what a
 * callback threw during the call; other methods do neither.
 *
 * No lock, no allocation, no reflection and no boxing on the call path.
 */
final class GuardGenerator {

    private static final String GUARD = Type.getInternalName(Guard.class);
    private static final String METRICS = Type.getInternalName(SymbolMetrics.class);
    private static final String METRICS_DESC = Type.getDescriptor(SymbolMetrics.class);
    private static final String CONSTRUCTOR_DESC = Type.getMethodDescriptor(Type.VOID_TYPE,
            Type.getType(LibraryGeneration.class), Type.getType(Object.class), Type.getType(SymbolMetrics[].class));
    private static final String REFUSED_DESC = Type.getMethodDescriptor(Type.getType(NativeLibraryUnloadedException.class),
            Type.getType(SymbolMetrics.class));
    private static final String TARGET = "target";
    private static final String SAVE_ERROR = "jnr.ffi.annotations.SaveError";
    private static final String ENCODING = "jnr.ffi.annotations.Encoding";

    private final String self;
    private final String iface;
    private final String ifaceDesc;

    private GuardGenerator(String className, Class<?> type) {
        this.self = className.replace('.', '/');
        this.iface = Type.getInternalName(type);
        this.ifaceDesc = Type.getDescriptor(type);
    }

    /**
     * @param className the binary name of the class to write
     * @param type      the public interface it implements
     * @param methods   the methods to forward, in the order of the metrics array
     */
    static byte[] generate(String className, Class<?> type, List<Method> methods) {
        return new GuardGenerator(className, type).write(methods);
    }

    private byte[] write(List<Method> methods) {
        ClassWriter cw = GeneratedClasses.begin(self, GUARD, iface);
        cw.visitField(ACC_PRIVATE | ACC_VOLATILE, TARGET, ifaceDesc, null, null).visitEnd();
        for (int i = 0; i < methods.size(); i++) {
            cw.visitField(ACC_PRIVATE | ACC_FINAL, metricsField(i), METRICS_DESC, null, null).visitEnd();
        }
        constructor(cw, methods.size());
        cut(cw);
        isCut(cw);
        for (int i = 0; i < methods.size(); i++) {
            forward(cw, methods.get(i), i);
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static String metricsField(int index) {
        return "m" + index;
    }

    private void constructor(ClassWriter cw, int count) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", CONSTRUCTOR_DESC, null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitVarInsn(ALOAD, 2);
        mv.visitMethodInsn(INVOKESPECIAL, GUARD, "<init>", Type.getMethodDescriptor(Type.VOID_TYPE,
                Type.getType(LibraryGeneration.class), Type.getType(Object.class)), false);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, 2);
        mv.visitTypeInsn(CHECKCAST, iface);
        mv.visitFieldInsn(PUTFIELD, self, TARGET, ifaceDesc);
        for (int i = 0; i < count; i++) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ALOAD, 3);
            mv.visitLdcInsn(i);
            mv.visitInsn(AALOAD);
            mv.visitFieldInsn(PUTFIELD, self, metricsField(i), METRICS_DESC);
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private void cut(ClassWriter cw) {
        MethodVisitor mv = cw.visitMethod(ACC_PROTECTED, "cut", "()V", null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitInsn(ACONST_NULL);
        mv.visitFieldInsn(PUTFIELD, self, TARGET, ifaceDesc);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private void isCut(ClassWriter cw) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "isCut", "()Z", null, null);
        mv.visitCode();
        Label live = new Label();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, TARGET, ifaceDesc);
        mv.visitJumpInsn(IFNONNULL, live);
        mv.visitInsn(ICONST_1);
        mv.visitInsn(IRETURN);
        mv.visitLabel(live);
        mv.visitInsn(ICONST_0);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private void forward(ClassWriter cw, Method method, int index) {
        String desc = Type.getMethodDescriptor(method);
        Type[] arguments = Type.getArgumentTypes(desc);
        Type result = Type.getReturnType(desc);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, method.getName(), desc, null,
                exceptions(method));
        int t = 1;
        for (Type argument : arguments) {
            t += argument.getSize();
        }
        int m = t + 1;
        int s = m + 1;
        int e = s + 2;
        int k = e + 1;
        Strings strings = Strings.of(method);

        mv.visitCode();
        Label open = new Label();
        Label plain = new Label();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, TARGET, ifaceDesc);
        mv.visitVarInsn(ASTORE, t);
        mv.visitVarInsn(ALOAD, t);
        mv.visitJumpInsn(IFNONNULL, open);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, metricsField(index), METRICS_DESC);
        mv.visitMethodInsn(INVOKEVIRTUAL, GUARD, "refused", REFUSED_DESC, false);
        mv.visitInsn(ATHROW);

        mv.visitLabel(open);
        if (strings == Strings.MARK) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitMethodInsn(INVOKEVIRTUAL, GUARD, "stringsMark", "()J", false);
            mv.visitVarInsn(LSTORE, k);
        }
        // a constant of the compiled code while metrics are off everywhere: then the method's
        // metrics are not even loaded
        mv.visitMethodInsn(INVOKESTATIC, METRICS, "anyEnabled", "()Z", false);
        mv.visitJumpInsn(IFEQ, plain);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, self, metricsField(index), METRICS_DESC);
        mv.visitVarInsn(ASTORE, m);
        mv.visitVarInsn(ALOAD, m);
        mv.visitJumpInsn(IFNULL, plain);
        mv.visitVarInsn(ALOAD, m);
        mv.visitMethodInsn(INVOKEVIRTUAL, METRICS, "enabled", "()Z", false);
        mv.visitJumpInsn(IFEQ, plain);
        mv.visitVarInsn(ALOAD, m);
        mv.visitMethodInsn(INVOKEVIRTUAL, METRICS, "start", "()J", false);
        mv.visitVarInsn(LSTORE, s);
        Label timedStart = new Label();
        Label timedEnd = new Label();
        Label timedFailed = new Label();
        mv.visitTryCatchBlock(timedStart, timedEnd, timedFailed, null);
        mv.visitLabel(timedStart);
        call(mv, method, desc, arguments, t);
        mv.visitLabel(timedEnd);
        fence(mv, t);
        mv.visitVarInsn(ALOAD, m);
        mv.visitVarInsn(LLOAD, s);
        mv.visitMethodInsn(INVOKEVIRTUAL, METRICS, "success", "(J)V", false);
        mv.visitInsn(result.getOpcode(IRETURN));
        mv.visitLabel(timedFailed);
        mv.visitVarInsn(ASTORE, e);
        abandonStrings(mv, strings, k);
        fence(mv, t);
        mv.visitVarInsn(ALOAD, m);
        mv.visitVarInsn(LLOAD, s);
        mv.visitMethodInsn(INVOKEVIRTUAL, METRICS, "failure", "(J)V", false);
        mv.visitVarInsn(ALOAD, e);
        mv.visitInsn(ATHROW);

        mv.visitLabel(plain);
        Label plainStart = new Label();
        Label plainEnd = new Label();
        Label plainFailed = new Label();
        mv.visitTryCatchBlock(plainStart, plainEnd, plainFailed, null);
        mv.visitLabel(plainStart);
        call(mv, method, desc, arguments, t);
        mv.visitLabel(plainEnd);
        fence(mv, t);
        mv.visitInsn(result.getOpcode(IRETURN));
        mv.visitLabel(plainFailed);
        mv.visitVarInsn(ASTORE, e);
        abandonStrings(mv, strings, k);
        fence(mv, t);
        mv.visitVarInsn(ALOAD, e);
        mv.visitInsn(ATHROW);

        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private void call(MethodVisitor mv, Method method, String desc, Type[] arguments, int target) {
        mv.visitVarInsn(ALOAD, target);
        int slot = 1;
        for (Type argument : arguments) {
            mv.visitVarInsn(argument.getOpcode(ILOAD), slot);
            slot += argument.getSize();
        }
        mv.visitMethodInsn(INVOKEINTERFACE, iface, method.getName(), desc, true);
        if (savesErrno(method) && !RoutedMethods.isRouted(method)) {
            // the result stays on the stack below: saveErrno() takes only this and returns nothing
            mv.visitVarInsn(ALOAD, 0);
            mv.visitMethodInsn(INVOKEVIRTUAL, GUARD, "saveErrno", "()V", false);
        }
        if (CallbackInterfaces.takesCallbacks(method)) {
            // after errno was read: this may throw the exception a callback threw during the call
            mv.visitVarInsn(ALOAD, 0);
            mv.visitMethodInsn(INVOKEVIRTUAL, GUARD, "callbacksReturned", "()V", false);
        }
    }



    /** After a method with strings threw: gives back what its conversion held ({@link Strings}). */
    private static void abandonStrings(MethodVisitor mv, Strings strings, int k) {
        if (strings == Strings.MARK) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(LLOAD, k);
            mv.visitMethodInsn(INVOKEVIRTUAL, GUARD, "stringsAbandoned", "(J)V", false);
        } else if (strings == Strings.CALL) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitMethodInsn(INVOKEVIRTUAL, GUARD, "stringsCallAbandoned", "()V", false);
        }
    }

    /**
     * How a method gives back the strings jnr-ffi's {@code StringParameterConverter} converted
     * when it throws: nothing without such a string; from where its first one began the call when
     * only primitives come before it (nothing before it can throw, so that beginning is this
     * call's); from a mark taken before the call otherwise. The rule of which strings are
     * converted is {@code StringParameterMapper}'s: a {@code String} parameter without jnr-ffi's
     * {@code @Encoding} on it, its method or its interface (read by name: the loader does not load
     * jnr-ffi's annotations here).
     */
    enum Strings {
        NONE, CALL, MARK;

        static Strings of(Method method) {
            if (hasEncoding(method.getAnnotations()) || hasEncoding(method.getDeclaringClass().getAnnotations())) {
                return NONE;
            }
            Class<?>[] types = method.getParameterTypes();
            java.lang.annotation.Annotation[][] annotations = method.getParameterAnnotations();
            boolean onlyPrimitives = true;
            for (int i = 0; i < types.length; i++) {
                if (types[i] == String.class && !hasEncoding(annotations[i])) {
                    return onlyPrimitives ? CALL : MARK;
                }
                onlyPrimitives &= types[i].isPrimitive();
            }
            return NONE;
        }

        private static boolean hasEncoding(java.lang.annotation.Annotation[] annotations) {
            for (java.lang.annotation.Annotation a : annotations) {
                if (a.annotationType().getName().equals(ENCODING)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Whether the method is annotated jnr-ffi's {@code @SaveError}, by name: the loader does not load the annotation. */
    private static boolean savesErrno(Method method) {
        for (java.lang.annotation.Annotation a : method.getAnnotations()) {
            if (a.annotationType().getName().equals(SAVE_ERROR)) {
                return true;
            }
        }
        return false;
    }

    private static void fence(MethodVisitor mv, int target) {
        mv.visitVarInsn(ALOAD, target);
        mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(Reference.class), "reachabilityFence",
                "(Ljava/lang/Object;)V", false);
    }

    private static String[] exceptions(Method method) {
        Class<?>[] types = method.getExceptionTypes();
        String[] names = new String[types.length];
        for (int i = 0; i < types.length; i++) {
            names[i] = Type.getInternalName(types[i]);
        }
        return names.length == 0 ? null : names;
    }
}
