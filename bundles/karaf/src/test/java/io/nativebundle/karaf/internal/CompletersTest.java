package io.nativebundle.karaf.internal;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.console.CommandLine;
import org.junit.Test;
import org.osgi.framework.Version;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeLibrary;
import io.nativebundle.api.NativeLibraryRegistry;
import io.nativebundle.api.NativeSymbol;

/** What Tab offers in Karaf's shell after {@code native:call}: loaded libraries, then that library's symbols. */
public class CompletersTest {

    private record Math(String name, Version version, String platform, String sha256, Path file, String entry,
                        List<NativeSymbol> symbols, String tenant, String namespace, long bundleId, long generation,
                        List<String> dependencies, List<CheckResult> checks) implements NativeLibrary {
    }

    private static final NativeLibrary MATH = new Math("math", new Version(1, 2, 0), "linux-x86-64", "00", Path.of("m"),
            "native/linux/x86-64/libmath.so", List.of(new NativeSymbol("add", NativeSymbol.Kind.FUNCTION, "(int,int)int"),
            new NativeSymbol("greet", NativeSymbol.Kind.FUNCTION, "(string)string"),
            new NativeSymbol("counter", NativeSymbol.Kind.VARIABLE, "int")),
            "default", "default/math/v1", 12, 1, List.of(), List.of());

    private static final NativeLibraryRegistry REGISTRY = new NativeLibraryRegistry() {
        @Override
        public List<NativeBundleStatus> statuses() {
            return List.of(new NativeBundleStatus(12, "io.nativebundle.examples.math", "math",
                    NativeBundleStatus.State.ACTIVE, Optional.empty(), "", Optional.of(MATH)));
        }

        @Override
        public Optional<NativeBundleStatus> status(long bundleId) {
            return statuses().stream().filter(s -> s.bundleId() == bundleId).findFirst();
        }
    };

    /** A command line with the cursor at the end of {@code line}. */
    private static CommandLine line(String line) {
        List<String> words = new ArrayList<>(List.of(line.split(" ", -1)));
        String cursorWord = words.get(words.size() - 1);
        return new CommandLine() {
            @Override
            public int getCursorArgumentIndex() {
                return words.size() - 1;
            }

            @Override
            public String getCursorArgument() {
                return cursorWord;
            }

            @Override
            public int getArgumentPosition() {
                return cursorWord.length();
            }

            @Override
            public String[] getArguments() {
                return words.toArray(new String[0]);
            }

            @Override
            public int getBufferPosition() {
                return line.length();
            }

            @Override
            public String getBuffer() {
                return line;
            }
        };
    }

    private static List<String> complete(org.apache.karaf.shell.api.console.Completer completer, String line) {
        List<String> candidates = new ArrayList<>();
        completer.complete(null, line(line), candidates);
        return candidates;
    }

    @Test
    public void libraryNamesOfTheLoadedLibraries() {
        LibraryCompleter libraries = new LibraryCompleter();
        libraries.registry = REGISTRY;
        assertEquals(List.of("math "), complete(libraries, "native:call ma"));
        assertEquals(List.of(), complete(libraries, "native:call z"));
    }

    @Test
    public void symbolNamesOfTheLibraryBeforeTheCursor() {
        SymbolCompleter symbols = new SymbolCompleter();
        symbols.registry = REGISTRY;
        assertEquals(List.of("add "), complete(symbols, "native:call math a"));
        assertEquals(List.of("add ", "counter ", "greet "), complete(symbols, "native:call math "));
        assertEquals(List.of(), complete(symbols, "native:call nosuch a"));
    }

    @Test
    public void withoutALoaderOrALibraryThereIsNothingToOffer() {
        LibraryCompleter libraries = new LibraryCompleter();
        assertEquals(List.of(), complete(libraries, "native:call "));
        SymbolCompleter symbols = new SymbolCompleter();
        symbols.registry = REGISTRY;
        assertEquals("the cursor on the first word has no library before it", List.of(), complete(symbols, "ad"));
    }
}
