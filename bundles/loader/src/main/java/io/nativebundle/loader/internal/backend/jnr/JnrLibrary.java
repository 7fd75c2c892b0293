package io.nativebundle.loader.internal.backend.jnr;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.kenai.jffi.LastError;
import com.kenai.jffi.Library;

import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.BackendLibrary;
import io.nativebundle.loader.internal.backend.FunctionInvoker;
import io.nativebundle.loader.internal.backend.UpcallErrors;
import io.nativebundle.loader.internal.backend.VariableAccessor;

/**
 * One generation opened through jffi: the jffi {@code Library} of each file, held strongly until
 * {@link #close} (jffi's cache by path holds them only weakly, and jnr-ffi must find these very
 * ones), and their dlopen handles, taken over from jffi ({@link JffiHandles}) so that the loader
 * closes them itself once the generation is drained.
 *
 * <p>The bindings, invokers and accessors it hands out keep what they need (a jnr-ffi binding
 * its own {@code NativeLibrary}, an invoker an address); it keeps none of them, so they become
 * garbage once the loader's guards let go and the calls in flight return.
 */
final class JnrLibrary implements BackendLibrary {

    /** Loaded with the library, so reading errno after a call never loads a class (which may set errno). */
    private static final LastError ERRNO = LastError.getInstance();

    private final DynamicLinker linker;
    private final Path file;
    private final List<Path> dependencies;
    /** The jffi {@code Library} of every file, dependencies first; dropped by {@link #close}. */
    private final List<Library> libraries;
    private final List<JffiHandles.Opened> opened;
    /** The upcall stubs of this generation, freed when it closes. */
    private final JnrUpcalls upcalls;
    /** The classes of the bindings {@link #bind} made: their strings go through {@link StringParameterConverter}. */
    private final Set<Class<?>> bindings = ConcurrentHashMap.newKeySet();
    /** A jffi object whose handle could not be read: its files are closed by path instead. */
    private boolean handlesUnknown;

    private JnrLibrary(DynamicLinker linker, Path file, List<Path> dependencies, List<Library> libraries) {
        this.linker = linker;
        this.file = file;
        this.dependencies = List.copyOf(dependencies);
        this.libraries = new ArrayList<>(libraries);
        this.opened = new ArrayList<>();
        this.upcalls = new JnrUpcalls(file.toString());
        for (Library library : libraries) {
            takeOver(library);
        }
    }

    /** Opens the dependencies, then the library; on a refusal closes what it opened. */
    static JnrLibrary open(DynamicLinker linker, Path file, List<Path> dependencies) throws LoadRefusal {
        List<Library> libraries = new ArrayList<>();
        try {
            for (Path dependency : dependencies) {
                libraries.add(LibraryBinder.open(dependency, file));
            }
            libraries.add(LibraryBinder.open(file, file));
        } catch (LoadRefusal refusal) {
            // nothing was handed out yet, so nothing can call into them
            new JnrLibrary(linker, file, dependencies, libraries).close();
            throw refusal;
        }
        return new JnrLibrary(linker, file, dependencies, libraries);
    }

    @Override
    public <T> T bind(Class<T> type) throws LoadRefusal {
        T binding = LibraryBinder.bind(type, file, dependencies, upcalls);
        bindings.add(binding.getClass());
        try {
            // jnr-ffi found the files in jffi's cache: the libraries opened above, already taken over
            for (Object library : JffiHandles.libraries(binding)) {
                if (libraries.stream().noneMatch(l -> l == library)) {
                    libraries.add((Library) library);
                    takeOver(library);
                }
            }
        } catch (IllegalStateException e) {
            handlesUnknown = true;
        }
        return binding;
    }

    @Override
    public boolean exports(String symbol) {
        return address(symbol) != 0L;
    }

    @Override
    public FunctionInvoker function(String symbol, NativeSignature signature) throws LoadRefusal {
        // counted nowhere: the loader's own calls (the version symbol) pass no callbacks
        return function(symbol, signature, new UpcallErrors());
    }

    @Override
    public FunctionInvoker function(String symbol, NativeSignature signature, UpcallErrors callbackErrors)
            throws LoadRefusal {
        if (signature.isBasic()) {
            return new JnrFunction(signature, address(symbol));
        }
        String disagreement = JnrAbiFunction.layoutDisagreement(signature);
        if (!disagreement.isEmpty()) {
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "function '" + symbol + "' is declared " + signature
                    + ": " + disagreement + "the layout would mis-call");
        }
        return new JnrAbiFunction(signature, address(symbol), upcalls, callbackErrors);
    }

    @Override
    public VariableAccessor variable(String symbol, NativeType type) {
        return new JnrVariable(address(symbol), type);
    }

    long address(String symbol) {
        // the library itself is opened last
        return libraries.get(dependencies.size()).getSymbolAddress(symbol);
    }

    /** dlcloses the handles, most recent first, so a library goes before the dependencies it needs. */
    /** This generation's upcall stubs. */
    JnrUpcalls upcalls() {
        return upcalls;
    }

    @Override
    public void cut() {
        upcalls.cut();
    }

    /** jnr-ffi has jffi save errno for a {@code @SaveError} method, in jffi's thread-local, right after the call. */
    @Override
    public OptionalInt savedErrno() {
        return OptionalInt.of(ERRNO.get());
    }

    @Override
    public void typedCallbackErrors(Function<Method, UpcallErrors> errors) {
        upcalls.typedErrors(errors);
    }

    /** Rethrows what a callback of the typed call that just returned threw ({@link DelegateArguments}). */
    /** jnr-ffi converts the strings of the bindings this library made with {@link StringParameterConverter}. */
    @Override
    public boolean holdsStringArguments(Object binding) {
        return bindings.contains(binding.getClass());
    }

    @Override
    public void callbacksReturned() {
        DelegateArguments.returned();
    }

    @Override
    public List<String> close() {
        // the stubs first: nothing of this generation is called any more (the drain), and C must not call them later
        List<String> problems = new ArrayList<>(upcalls.close());
        if (linker != null) {
            problems.addAll(linker.close(opened));
            if (handlesUnknown && opened.isEmpty()) {
                problems.addAll(linker.closeByPath(paths()));
            }
        }
        if (!libraries.isEmpty()) {
            JffiHandles.forget(libraries.get(0).getClass(), paths());
        }
        opened.clear();
        libraries.clear();
        return problems;
    }

    private void takeOver(Object library) {
        try {
            JffiHandles.Opened o = JffiHandles.takeOver(library);
            if (o != null) {
                opened.add(o);
            }
        } catch (IllegalStateException e) {
            handlesUnknown = true;
        }
    }

    private List<String> paths() {
        List<String> paths = new ArrayList<>();
        dependencies.forEach(d -> paths.add(d.toString()));
        paths.add(file.toString());
        return paths;
    }

    @Override
    public String toString() {
        return "jnr library " + file;
    }
}
