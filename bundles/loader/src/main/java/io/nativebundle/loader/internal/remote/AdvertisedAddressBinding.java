package io.nativebundle.loader.internal.remote;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.framework.hooks.weaving.WovenClass;

/**
 * Makes Aries RSA's TCP provider listen on the address its endpoint advertises instead of on every
 * interface. Its {@code TCPServer(Object service, String localip, Integer port, int numThreads)}
 * (1.16.1) is given the advertised host as {@code localip} but opens {@code new ServerSocket(port)},
 * and the provider has no setting for it. This weaving hook rewrites that one constructor call, as
 * the class is defined, into {@code new ServerSocket(port, 50, InetAddress.getByName(localip))}:
 * with the loader's default host {@code 127.0.0.1}, an export is reachable from this machine only.
 * Only the socket's address changes; the provider's protocol, threads and serialization are its own.
 *
 * <p>The class must be defined after this hook is registered; it is, because the provider loads it
 * at its first export, and the loader registers the hook when it starts, before it publishes a
 * library. A provider whose {@code TCPServer} has no such call is left as it is, with a warning.
 */
public final class AdvertisedAddressBinding implements WeavingHook {

    static final String PROVIDER_BUNDLE = "org.apache.aries.rsa.provider.tcp";
    static final String SERVER_CLASS = "org.apache.aries.rsa.provider.tcp.TCPServer";
    /** {@code TCPServer(Object service, String localip, Integer port, int numThreads)}: localip is local 2. */
    static final String CONSTRUCTOR = "(Ljava/lang/Object;Ljava/lang/String;Ljava/lang/Integer;I)V";
    private static final int LOCAL_IP_SLOT = 2;
    /** {@code ServerSocket}'s own default backlog. */
    private static final int BACKLOG = 50;

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");

    @Override
    public void weave(WovenClass wovenClass) {
        if (!SERVER_CLASS.equals(wovenClass.getClassName())
                || !PROVIDER_BUNDLE.equals(wovenClass.getBundleWiring().getBundle().getSymbolicName())) {
            return;
        }
        byte[] woven = bindToAdvertisedAddress(wovenClass.getBytes());
        if (woven == null) {
            LOG.log(Level.WARNING, "nativebundle: " + SERVER_CLASS + " of " + PROVIDER_BUNDLE + " "
                    + wovenClass.getBundleWiring().getBundle().getVersion() + " has no constructor " + CONSTRUCTOR
                    + " calling new ServerSocket(int); left as it is, its exports listen wherever it opens them");
            return;
        }
        wovenClass.setBytes(woven);
        LOG.log(Level.DEBUG, "nativebundle: " + SERVER_CLASS + " woven to listen on the address its endpoint advertises");
    }

    /**
     * The class with {@code new ServerSocket(port)} in the constructor replaced by a socket bound to
     * {@code localip}, or {@code null} when the class has no such call.
     */
    static byte[] bindToAdvertisedAddress(byte[] classBytes) {
        ClassReader reader = new ClassReader(classBytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        boolean[] rewritten = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (!"<init>".equals(name) || !CONSTRUCTOR.equals(descriptor)) {
                    return next;
                }
                return new MethodVisitor(Opcodes.ASM9, next) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        if (opcode == Opcodes.INVOKESPECIAL && "java/net/ServerSocket".equals(owner)
                                && "<init>".equals(method) && "(I)V".equals(desc)) {
                            // stack: ServerSocket, ServerSocket, port -> add backlog and the bind address
                            super.visitIntInsn(Opcodes.BIPUSH, BACKLOG);
                            super.visitVarInsn(Opcodes.ALOAD, LOCAL_IP_SLOT);
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/net/InetAddress", "getByName",
                                    "(Ljava/lang/String;)Ljava/net/InetAddress;", false);
                            super.visitMethodInsn(Opcodes.INVOKESPECIAL, owner, method,
                                    "(IILjava/net/InetAddress;)V", false);
                            rewritten[0] = true;
                            return;
                        }
                        super.visitMethodInsn(opcode, owner, method, desc, itf);
                    }
                };
            }
        }, 0);
        return rewritten[0] ? writer.toByteArray() : null;
    }
}
