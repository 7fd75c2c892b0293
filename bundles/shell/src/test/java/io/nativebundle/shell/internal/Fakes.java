package io.nativebundle.shell.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.osgi.framework.Version;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeBundleStatus.State;
import io.nativebundle.api.NativeHostStatus;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.api.NativeSymbol.Kind;
import io.nativebundle.api.RefusalReason;

/** Libraries and statuses as the loader would describe them, for views and lookups. */
final class Fakes {

    static final String SHA = "1cfb23575f975318a8092f98f7038dd886dfea1a5b39abd686bbfdb1646a2cd1";

    static final List<NativeSymbol> MATH_SYMBOLS = List.of(
            new NativeSymbol("add", Kind.FUNCTION, "(int,int)int"),
            new NativeSymbol("greet", Kind.FUNCTION, "(string)string"),
            new NativeSymbol("counter", Kind.VARIABLE, "int"));

    static final List<String> MATH_DEPENDENCIES = List.of(
            "libfmt.so (bundle: native/linux/x86-64/libfmt.so)",
            "libc.so.6 (system: /lib/x86_64-linux-gnu/libc.so.6)");

    static final List<CheckResult> MATH_CHECKS = List.of(
            CheckResult.pass("digest", "2 native file(s) of the clause match NativeBundle-Digest"),
            CheckResult.pass("machine", "libmath.so x86-64 64-bit little-endian fit this JVM"),
            CheckResult.pass("symbols", "3 declared symbol(s) exported: add, greet, counter"));

    record Library(String name, Version version, String platform, String sha256, Path file, String entry,
                   List<NativeSymbol> symbols, String tenant, String namespace, long bundleId, long generation,
                   List<String> dependencies, List<CheckResult> checks)
            implements NativeLibrary {
    }

    private Fakes() {
    }

    static NativeLibrary math(long bundleId, String tenant) {
        return new Library("math", new Version(1, 2, 0), "linux-x86-64", SHA,
                Path.of("/var/cache/nb/bundle" + bundleId + "/libmath.so"), "native/linux/x86-64/libmath.so",
                MATH_SYMBOLS, tenant, tenant + "/math/v1", bundleId, 3, MATH_DEPENDENCIES, MATH_CHECKS);
    }

    /** A library that runs out of process, with its host as {@code host} describes it. */
    record Isolated(NativeLibrary library, NativeHostStatus status) implements NativeLibrary {
        public String name() { return library.name(); }
        public Version version() { return library.version(); }
        public String platform() { return library.platform(); }
        public String sha256() { return library.sha256(); }
        public Path file() { return library.file(); }
        public String entry() { return library.entry(); }
        public List<NativeSymbol> symbols() { return library.symbols(); }
        public String tenant() { return library.tenant(); }
        public String namespace() { return library.namespace(); }
        public long bundleId() { return library.bundleId(); }
        public long generation() { return library.generation(); }
        public List<String> dependencies() { return library.dependencies(); }
        public List<CheckResult> checks() { return library.checks(); }
        @Override
        public String isolation() { return "process"; }
        @Override
        public String backend() { return "host"; }
        @Override
        public Optional<NativeHostStatus> host() { return Optional.of(status); }
    }

    static NativeLibrary isolated(long bundleId, NativeHostStatus status) {
        return new Isolated(math(bundleId, "default"), status);
    }

    static NativeHostStatus host(NativeHostStatus.State state, long pid) {
        return new NativeHostStatus(state, pid, 2, 3, 1, Optional.of("SIGSEGV"),
                Optional.of("SIGSEGV (address 0x0) during the call of segv, pid 4700, at 2025-01-02T10:11:12Z"), 4,
                Optional.of(Duration.ofSeconds(2)), OptionalLong.of(256L << 20), Optional.empty());
    }

    static NativeBundleStatus active(NativeLibrary library) {
        return new NativeBundleStatus(library.bundleId(), "io.nativebundle.examples." + library.name(), library.name(),
                State.ACTIVE, Optional.empty(), "", Optional.of(library));
    }

    static NativeBundleStatus refused(long id, String library, RefusalReason reason, String detail) {
        return new NativeBundleStatus(id, "test." + library + id, library, State.REFUSED, Optional.of(reason), detail,
                Optional.empty());
    }

    static NativeBundleStatus unresolved(long id, String library, String why) {
        return new NativeBundleStatus(id, "test." + library + id, library, State.UNRESOLVED, Optional.empty(), why,
                Optional.empty());
    }
}
