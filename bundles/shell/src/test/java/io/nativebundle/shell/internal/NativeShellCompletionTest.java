package io.nativebundle.shell.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.Test;

import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeLibraryRegistry;
import io.nativebundle.api.RefusalReason;

/** The names a shell offers on Tab after {@code native:call}: loaded libraries, then their symbols. */
public class NativeShellCompletionTest {

    private static NativeShell shell(NativeLibraryRegistry registry) {
        return new NativeShell(null, () -> registry, () -> null, () -> null);
    }

    private static NativeLibraryRegistry registry(NativeBundleStatus... statuses) {
        return new NativeLibraryRegistry() {
            @Override
            public List<NativeBundleStatus> statuses() {
                return List.of(statuses);
            }

            @Override
            public Optional<NativeBundleStatus> status(long bundleId) {
                return statuses().stream().filter(s -> s.bundleId() == bundleId).findFirst();
            }
        };
    }

    @Test
    public void libraryNamesAreTheLoadedLibrariesOnly() {
        NativeShell shell = shell(registry(Fakes.active(Fakes.math(12, "default")),
                Fakes.refused(14, "greeter", RefusalReason.DIGEST_MISMATCH, "bad digest")));
        assertEquals(List.of("math"), shell.libraryNames());
    }

    @Test
    public void symbolNamesAreTheDeclaredSymbolsOfTheNamedLibrary() {
        NativeShell shell = shell(registry(Fakes.active(Fakes.math(12, "acme"))));
        assertEquals(List.of("add", "greet", "counter"), shell.symbolNames("math"));
        assertEquals(List.of("add", "greet", "counter"), shell.symbolNames("acme/math/v1"));
        assertEquals(List.of(), shell.symbolNames("nosuch"));
    }

    @Test
    public void withoutALoaderThereIsNothingToComplete() {
        NativeShell shell = shell(null);
        assertEquals(List.of(), shell.libraryNames());
        assertEquals(List.of(), shell.symbolNames("math"));
    }
}
