package io.nativebundle.loader.internal.remote;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.framework.hooks.weaving.WovenClass;

/**
 * Turns Nagle's algorithm off on the sockets of Aries RSA's TCP provider, where a remote call's
 * tail latency came from. The provider (1.16.1) opens a connection per call and writes the call
 * and its answer as several small Java-serialized writes without {@code TCP_NODELAY}: a small
 * write that follows another one not yet acknowledged waits for the acknowledgement, which the
 * other side delays by up to 40 ms (Linux), so one call in several took 40 ms more on loopback.
 * The provider has no setting for it, so this weaving hook adds {@code socket.setTcpNoDelay(true)}
 * right where each side gets its socket, as the classes are defined:
 * <ul>
 * <li>the caller's, {@code new Socket(host, port)} in {@code TcpInvocationHandler$3.run()} (the
 *     privileged action that connects);</li>
 * <li>the server's, {@code serverSocket.accept()} in {@code TCPServer.run()}.</li>
 * </ul>
 * Nothing else of the provider changes. Like {@link AdvertisedAddressBinding}, it applies to
 * every {@code aries.tcp} export and import of the framework, and a provider version without
 * these calls is left alone with a warning.
 */
public final class TcpNoDelay implements WeavingHook {

    static final String CLIENT_CLASS = "org.apache.aries.rsa.provider.tcp.TcpInvocationHandler$3";
    /** Per class: the method, and the call after which the socket is on top of the stack. */
    private static final Map<String, Call> CALLS = Map.of(
            CLIENT_CLASS, new Call("run", "()Ljava/net/Socket;", Opcodes.INVOKESPECIAL, "java/net/Socket", "<init>",
                    "(Ljava/lang/String;I)V"),
            AdvertisedAddressBinding.SERVER_CLASS, new Call("run", "()V", Opcodes.INVOKEVIRTUAL,
                    "java/net/ServerSocket", "accept", "()Ljava/net/Socket;"));

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");

    /** A call in a method of the provider that leaves a connected socket on the operand stack. */
    record Call(String method, String descriptor, int opcode, String owner, String name, String callDescriptor) {

        boolean is(int op, String o, String n, String d) {
            return op == opcode && o.equals(owner) && n.equals(name) && d.equals(callDescriptor);
        }
    }

    @Override
    public void weave(WovenClass wovenClass) {
        Call call = CALLS.get(wovenClass.getClassName());
        if (call == null
                || !AdvertisedAddressBinding.PROVIDER_BUNDLE.equals(wovenClass.getBundleWiring().getBundle().getSymbolicName())) {
            return;
        }
        byte[] woven = noDelay(wovenClass.getClassName(), wovenClass.getBytes());
        if (woven == null) {
            LOG.log(Level.WARNING, "nativebundle: " + wovenClass.getClassName() + " of "
                    + AdvertisedAddressBinding.PROVIDER_BUNDLE + " " + wovenClass.getBundleWiring().getBundle().getVersion()
                    + " has no " + call.owner() + "." + call.name() + " in " + call.method() + call.descriptor()
                    + "; left as it is, its sockets keep Nagle's algorithm");
            return;
        }
        wovenClass.setBytes(woven);
        LOG.log(Level.DEBUG, "nativebundle: " + wovenClass.getClassName() + " woven to set TCP_NODELAY");
    }

    /**
     * Class {@code className} with {@code setTcpNoDelay(true)} on the socket its call returns, or
     * {@code null} when it is not one of the provider's classes or has no such call.
     */
    static byte[] noDelay(String className, byte[] classBytes) {
        Call call = CALLS.get(className);
        if (call == null) {
            return null;
        }
        ClassReader reader = new ClassReader(classBytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        boolean[] rewritten = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (!call.method().equals(name) || !call.descriptor().equals(descriptor)) {
                    return next;
                }
                return new MethodVisitor(Opcodes.ASM9, next) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        super.visitMethodInsn(opcode, owner, method, desc, itf);
                        if (call.is(opcode, owner, method, desc)) {
                            // stack: Socket -> Socket, Socket, true -> Socket
                            super.visitInsn(Opcodes.DUP);
                            super.visitInsn(Opcodes.ICONST_1);
                            super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/net/Socket", "setTcpNoDelay", "(Z)V",
                                    false);
                            rewritten[0] = true;
                        }
                    }
                };
            }
        }, 0);
        return rewritten[0] ? writer.toByteArray() : null;
    }
}
