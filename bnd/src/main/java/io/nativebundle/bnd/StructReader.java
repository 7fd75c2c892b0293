package io.nativebundle.bnd;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Clazz;
import aQute.bnd.osgi.Descriptors.TypeRef;

import io.nativebundle.contract.StructLayout;
import io.nativebundle.contract.StructLayout.FieldDeclaration;
import io.nativebundle.contract.TypeName;

/**
 * Reads the layout of a {@code jnr.ffi.Struct} subclass from its class file, without loading it,
 * into the contract's {@link StructLayout} (the struct grammar descriptors and
 * {@code -nativebundle-symbols} use).
 *
 * <p>jnr-ffi lays a struct out in the order its constructor creates the members, so the fields
 * are taken in the order the constructor assigns them: a member such as {@code Signed32}, a
 * nested struct ({@code inner(new Point(runtime))}, a field of a {@code Struct} subclass) or a
 * fixed array ({@code array(new Signed16[3])}, whose length is the constant the constructor
 * pushes before {@code anewarray}). The struct is named after the class's simple name.
 */
final class StructReader {

    /** {@code jnr.ffi.Struct} in class-file form. */
    static final String STRUCT = "jnr/ffi/Struct";
    private static final String MEMBER_PREFIX = "Ljnr/ffi/Struct$";

    /** jnr-ffi's member classes (inner classes of {@code jnr.ffi.Struct}) with a fixed C type, LP64. */
    private static final Map<String, TypeName> MEMBERS = Map.ofEntries(
        Map.entry("Signed8", TypeName.BYTE), Map.entry("int8_t", TypeName.BYTE),
        Map.entry("Unsigned8", TypeName.UBYTE), Map.entry("u_int8_t", TypeName.UBYTE),
        Map.entry("Signed16", TypeName.SHORT), Map.entry("int16_t", TypeName.SHORT),
        Map.entry("Unsigned16", TypeName.USHORT), Map.entry("u_int16_t", TypeName.USHORT),
        Map.entry("Signed32", TypeName.INT), Map.entry("int32_t", TypeName.INT),
        Map.entry("Unsigned32", TypeName.UINT), Map.entry("u_int32_t", TypeName.UINT),
        Map.entry("Signed64", TypeName.LONG), Map.entry("int64_t", TypeName.LONG),
        Map.entry("SignedLong", TypeName.LONG), Map.entry("ssize_t", TypeName.LONG),
        Map.entry("intptr_t", TypeName.LONG),
        Map.entry("Unsigned64", TypeName.ULONG), Map.entry("u_int64_t", TypeName.ULONG),
        Map.entry("UnsignedLong", TypeName.ULONG), Map.entry("size_t", TypeName.ULONG),
        Map.entry("uintptr_t", TypeName.ULONG),
        Map.entry("Float", TypeName.FLOAT), Map.entry("Double", TypeName.DOUBLE),
        Map.entry("Pointer", TypeName.POINTER));

    /** The member types, named for messages. */
    static final String SUPPORTED = "jnr.ffi.Struct members Signed8..Signed64, Unsigned8..Unsigned64, "
        + "SignedLong, UnsignedLong, int8_t..u_int64_t, size_t, ssize_t, intptr_t, uintptr_t, Float, Double, "
        + "Pointer, a nested Struct (inner(...)) and fixed arrays of these (array(new Signed16[n]))";

    private final Analyzer analyzer;

    StructReader(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Whether {@code type} is a class that extends {@code jnr.ffi.Struct}, directly or not. */
    boolean isStruct(TypeRef type) throws Exception {
        if (type.isPrimitive() || type.isArray()) {
            return false;
        }
        Clazz clazz = analyzer.findClass(type);
        for (Clazz c = clazz; c != null && c.getSuper() != null; c = analyzer.findClass(c.getSuper())) {
            if (STRUCT.equals(c.getSuper().getBinary())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The layout of the struct class {@code type}.
     *
     * @throws IllegalArgumentException naming the class and the field that cannot be read
     */
    StructLayout read(TypeRef type) throws Exception {
        return read(type.getBinary(), new HashSet<>());
    }

    private StructLayout read(String binary, Set<String> enclosing) throws Exception {
        String name = binary.replace('/', '.');
        Clazz clazz = analyzer.findClass(analyzer.getTypeRef(binary));
        if (clazz == null) {
            throw new IllegalArgumentException("struct class " + name + " is neither in the bundle nor on its build path");
        }
        if (!STRUCT.equals(clazz.getSuper().getBinary())) {
            throw new IllegalArgumentException("struct class " + name + " extends " + clazz.getSuper().getFQN()
                + "; a struct of a typed interface extends jnr.ffi.Struct directly, so its fields are all in one class");
        }
        if (!enclosing.add(binary)) {
            throw new IllegalArgumentException("struct class " + name + " contains itself");
        }
        Fields fields = new Fields(binary);
        try (InputStream in = clazz.getResource().openInputStream()) {
            new ClassReader(in).accept(fields, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        }
        List<FieldDeclaration> declarations = new ArrayList<>();
        for (Map.Entry<String, Integer> assigned : fields.order.entrySet()) {
            String field = assigned.getKey();
            declarations.add(field(name, field, fields.descriptors.get(field), assigned.getValue(), enclosing));
        }
        enclosing.remove(binary);
        String simple = name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
        try {
            return StructLayout.of(simple, declarations, Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("struct class " + name + ": " + e.getMessage(), e);
        }
    }

    private FieldDeclaration field(String owner, String field, String descriptor, int length, Set<String> enclosing)
        throws Exception {
        boolean array = descriptor.startsWith("[");
        String element = array ? descriptor.substring(1) : descriptor;
        if (array && length <= 0) {
            throw new IllegalArgumentException("struct class " + owner + ": field '" + field + "' is an array whose "
                + "length is not a constant of its constructor; expected array(new Signed16[3])");
        }
        int count = array ? length : 0;
        if (element.startsWith(MEMBER_PREFIX)) {
            TypeName type = MEMBERS.get(element.substring(MEMBER_PREFIX.length(), element.length() - 1));
            if (type != null) {
                return new FieldDeclaration(field, type, null, count);
            }
        } else if (element.startsWith("L") && isStruct(analyzer.getTypeRef(element.substring(1, element.length() - 1)))) {
            StructLayout nested = read(element.substring(1, element.length() - 1), enclosing);
            return new FieldDeclaration(field, TypeName.STRUCT, nested, count);
        }
        throw new IllegalArgumentException("struct class " + owner + ": field '" + field + "' has type "
            + org.objectweb.asm.Type.getType(descriptor).getClassName().replace('$', '.')
            + ", which has no type in the struct grammar; supported: " + SUPPORTED);
    }

    /** The instance fields of one class and the order (with array lengths) its first constructor assigns them. */
    private static final class Fields extends ClassVisitor {

        private final String owner;
        final Map<String, String> descriptors = new LinkedHashMap<>();
        final Map<String, Integer> order = new LinkedHashMap<>();
        private boolean constructorRead;

        Fields(String owner) {
            super(Opcodes.ASM9);
            this.owner = owner;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            if ((access & (Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC)) == 0) {
                descriptors.put(name, descriptor);
            }
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            if (!"<init>".equals(name) || constructorRead) {
                return null;
            }
            constructorRead = true;
            return new MethodVisitor(Opcodes.ASM9) {
                private int constant = -1;
                private int arrayLength = -1;

                @Override
                public void visitInsn(int opcode) {
                    constant = opcode >= Opcodes.ICONST_0 && opcode <= Opcodes.ICONST_5 ? opcode - Opcodes.ICONST_0 : -1;
                }

                @Override
                public void visitIntInsn(int opcode, int operand) {
                    constant = opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH ? operand : -1;
                }

                @Override
                public void visitLdcInsn(Object value) {
                    constant = value instanceof Integer i ? i : -1;
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    if (opcode == Opcodes.ANEWARRAY) {
                        arrayLength = constant;
                    }
                    constant = -1;
                }

                @Override
                public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
                    if (opcode == Opcodes.PUTFIELD && owner.equals(fieldOwner) && descriptors.containsKey(name)) {
                        order.putIfAbsent(name, descriptor.startsWith("[") ? arrayLength : 0);
                        arrayLength = -1;
                    }
                    constant = -1;
                }
            };
        }
    }
}
