package io.nativebundle.loader.internal.remote;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.BiFunction;

/**
 * The real classes of Aries RSA's TCP provider (on the test class path), defined by a loader of
 * their own so that a test can weave them as the loader's weaving hooks do in a framework. The
 * loader defines the provider's whole package itself: its classes share package-private members.
 */
final class ProviderClasses extends ClassLoader {

    private static final String PACKAGE = "org.apache.aries.rsa.provider.tcp.";

    /** {@code (class name, bytes) -> woven bytes}, or the bytes unchanged. */
    private final BiFunction<String, byte[], byte[]> weaving;

    ProviderClasses(BiFunction<String, byte[], byte[]> weaving) {
        super(ProviderClasses.class.getClassLoader());
        this.weaving = weaving;
    }

    /** The provider as shipped. */
    static ProviderClasses shipped() {
        return new ProviderClasses((name, bytes) -> bytes);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(PACKAGE)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded != null) {
                return loaded;
            }
            try {
                byte[] bytes = weaving.apply(name, bytes(name));
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }

    /** The bytes of class {@code className} as the test class path holds them. */
    static byte[] bytes(String className) throws IOException {
        try (InputStream in = ProviderClasses.class.getClassLoader()
                .getResourceAsStream(className.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
