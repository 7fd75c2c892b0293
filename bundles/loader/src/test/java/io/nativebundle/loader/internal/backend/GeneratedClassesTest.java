package io.nativebundle.loader.internal.backend;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

public class GeneratedClassesTest {

    @Test
    public void writesAPublicFinalSyntheticJava17ClassWithTheGivenSuperclassAndInterface() {
        ClassWriter cw = GeneratedClasses.begin("a/b/Gen", "a/b/Base", "a/b/Api");
        cw.visitEnd();
        ClassReader reader = new ClassReader(cw.toByteArray());

        assertEquals("a/b/Gen", reader.getClassName());
        assertEquals("a/b/Base", reader.getSuperName());
        assertArrayEquals(new String[] {"a/b/Api"}, reader.getInterfaces());
        assertEquals(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC,
                reader.getAccess());
    }
}
