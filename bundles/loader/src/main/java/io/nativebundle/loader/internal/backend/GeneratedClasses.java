package io.nativebundle.loader.internal.backend;

import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ACC_SYNTHETIC;
import static org.objectweb.asm.Opcodes.V17;

import org.objectweb.asm.ClassWriter;

/**
 * Starts every class the loader and its backends generate (bindings, guards): a public final
 * synthetic Java 17 class with one interface, written by a {@link ClassWriter} that computes frames
 * and maxima.
 */
public final class GeneratedClasses {

    private GeneratedClasses() {
    }

    /**
     * A writer with the header of the class already visited; the caller adds the members and ends
     * it.
     *
     * @param internalName  the class's internal name ({@code a/b/C})
     * @param superName     internal name of its superclass
     * @param interfaceName internal name of the one interface it implements
     */
    public static ClassWriter begin(String internalName, String superName, String interfaceName) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                // ASM would load both types through its own class loader, which sees neither the
                // plugin's interface nor the class being written. No generated code merges two
                // different reference types in one slot at a branch target, so Object is exact.
                return "java/lang/Object";
            }
        };
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, internalName, null, superName,
                new String[] {interfaceName});
        return cw;
    }
}
