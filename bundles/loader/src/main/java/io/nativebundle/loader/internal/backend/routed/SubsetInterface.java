package io.nativebundle.loader.internal.backend.routed;

import static org.objectweb.asm.Opcodes.ACC_ABSTRACT;
import static org.objectweb.asm.Opcodes.ACC_INTERFACE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_SYNTHETIC;
import static org.objectweb.asm.Opcodes.ASM9;
import static org.objectweb.asm.Opcodes.V17;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Writes an interface that declares some of another interface's abstract methods, each copied
 * from its class file with its annotations and its parameters' (jnr-ffi reads its unsigned
 * types, directions, {@code @SaveError} and callbacks from them), and the other interface's own
 * annotations. A backend binds it as it would the whole interface; the routed methods are simply
 * not there, so jnr-ffi never sees a shape it would mis-call.
 */
final class SubsetInterface {

    private SubsetInterface() {
    }

    /**
     * @param name the binary name of the interface to write
     * @param type the interface whose methods are copied
     * @param kept the abstract methods to declare (of {@code type} or its superinterfaces)
     * @throws IllegalStateException when a class file of {@code type} cannot be read
     */
    static byte[] generate(String name, Class<?> type, List<Method> kept) {
        Set<String> wanted = new HashSet<>();
        kept.forEach(m -> wanted.add(m.getName() + Type.getMethodDescriptor(m)));
        ClassWriter cw = new ClassWriter(0);
        cw.visit(V17, ACC_PUBLIC | ACC_ABSTRACT | ACC_INTERFACE | ACC_SYNTHETIC, name.replace('.', '/'), null,
                "java/lang/Object", null);
        Set<String> written = new HashSet<>();
        for (Class<?> declaring : hierarchy(type)) {
            new ClassReader(classFile(declaring)).accept(new ClassVisitor(ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                    // the interface's own annotations (a calling convention, say) apply to the subset too
                    return declaring == type ? cw.visitAnnotation(descriptor, visible) : null;
                }

                @Override
                public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                                 String[] exceptions) {
                    String key = method + descriptor;
                    if (!wanted.contains(key) || !written.add(key)) {
                        return null;
                    }
                    return cw.visitMethod(ACC_PUBLIC | ACC_ABSTRACT, method, descriptor, signature, exceptions);
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        }
        if (!written.equals(wanted)) {
            wanted.removeAll(written);
            throw new IllegalStateException("the class files of " + type.getName() + " do not declare " + wanted);
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code type} and its superinterfaces, each once, {@code type} first. */
    private static Set<Class<?>> hierarchy(Class<?> type) {
        Set<Class<?>> all = new LinkedHashSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>(List.of(type));
        while (!pending.isEmpty()) {
            Class<?> next = pending.removeFirst();
            if (all.add(next)) {
                pending.addAll(List.of(next.getInterfaces()));
            }
        }
        return all;
    }

    private static byte[] classFile(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the class file " + resource + " is not readable through "
                        + "the class loader of " + type.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("the class file " + resource + " could not be read: " + e, e);
        }
    }
}
