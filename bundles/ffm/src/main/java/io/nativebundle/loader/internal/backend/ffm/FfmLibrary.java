package io.nativebundle.loader.internal.backend.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;

import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.BackendLibrary;
import io.nativebundle.loader.internal.backend.FunctionInvoker;
import io.nativebundle.loader.internal.backend.LeafMethods;
import io.nativebundle.loader.internal.backend.NativeBackend;
import io.nativebundle.loader.internal.backend.UpcallErrors;
import io.nativebundle.loader.internal.backend.VariableAccessor;

/**
 * One generation opened through FFM: a shared arena that owns the {@code dlopen} handles of its
 * files (the dependencies first, so the library finds them by soname) and the symbol lookup of
 * the library itself. Closing the arena {@code dlclose}s them; the loader does it once, after the
 * drain, so no call of this generation is in flight then or later.
 *
 * <p>Every function of a {@code NativeFunction} or a descriptor is an FFM downcall made here: the
 * basic signatures by {@link FfmFunction} (and {@link FfmErrnoFunction} when they capture errno),
 * all others of the C ABI (unsigned types, structs by value and by pointer, out-parameters, arrays,
 * callbacks, errno, variadic) by {@link FfmAbiFunction}, whose callbacks are this generation's
 * upcall stubs ({@link FfmUpcalls}, in this arena). Variable segments are made here too, and the
 * methods of typed interfaces that {@link FfmBindings} carries (all but those of jnr-ffi's
 * structs, callbacks and pointers). The other typed methods alone go to a jnr library of the same
 * files, opened on the first such request; it is closed before the arena, so both handles of a
 * file are gone when {@link #close} returns. A shared arena because the handles and stubs are used
 * from any thread; its close costs more than a confined one's
 * (docs/performance.md), once per unload.
 */
final class FfmLibrary implements BackendLibrary {

    private static final Linker LINKER = Linker.nativeLinker();

    private final NativeBackend jnrBackend;
    private final Path file;
    private final List<Path> dependencies;
    private final Arena arena;
    private final SymbolLookup lookup;
    /** The upcall stubs of this generation's functions, in {@link #arena}. */
    private final FfmUpcalls upcalls;
    /** The jnr library of the same files, for what FFM does not carry here; null until needed. */
    private volatile BackendLibrary jnr;
    /** Whether the {@code @SaveError} methods of the bound interface are FFM's, which then saves their errno. */
    private volatile boolean errnoOnFfm;
    /** Where the callbacks of typed methods count their errors, handed on to {@link #jnr} (which carries them). */
    private volatile Function<Method, UpcallErrors> typedCallbackErrors;

    private FfmLibrary(NativeBackend jnrBackend, Path file, List<Path> dependencies, Arena arena, SymbolLookup lookup) {
        this.jnrBackend = jnrBackend;
        this.file = file;
        this.dependencies = List.copyOf(dependencies);
        this.arena = arena;
        this.lookup = lookup;
        this.upcalls = new FfmUpcalls(file.toString(), arena);
    }

    /** Opens the dependencies, then the library, in a new arena; on a refusal closes the arena. */
    static FfmLibrary open(NativeBackend jnrBackend, Path file, List<Path> dependencies) throws LoadRefusal {
        Arena arena = Arena.ofShared();
        Path opening = file;
        try {
            for (Path dependency : dependencies) {
                opening = dependency;
                // the arena keeps the handle; the lookup itself is not needed
                SymbolLookup.libraryLookup(dependency, arena);
            }
            opening = file;
            SymbolLookup lookup = SymbolLookup.libraryLookup(file, arena);
            return new FfmLibrary(jnrBackend, file, dependencies, arena, lookup);
        } catch (IllegalArgumentException e) {
            // nothing was handed out yet, so nothing can call into what was opened
            arena.close();
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "FFM could not open " + opening
                    + (opening.equals(file) ? "" : " (needed by " + file.getFileName() + ")") + ": " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T bind(Class<T> type) throws LoadRefusal {
        return bind(type, LeafMethods.annotatedOnly());
    }

    /** A leaf method FFM calls itself is a critical downcall; a leaf with a callback is refused here too. */
    @Override
    public <T> T bind(Class<T> type, LeafMethods leaves) throws LoadRefusal {
        leaves.refuseCallbacks(type);
        if (!FfmBindings.anyNative(type)) {
            return jnr().bind(type);
        }
        T binding = FfmBindings.bind(type, lookup, file, leaves, () -> jnr().bind(type));
        errnoOnFfm = FfmBindings.savesErrnoItself(type);
        return binding;
    }

    @Override
    public boolean exports(String symbol) {
        return lookup.find(symbol).isPresent();
    }

    @Override
    public FunctionInvoker function(String symbol, NativeSignature signature) throws LoadRefusal {
        return function(symbol, signature, new UpcallErrors(), false);
    }

    @Override
    public FunctionInvoker function(String symbol, NativeSignature signature, UpcallErrors callbackErrors)
            throws LoadRefusal {
        return function(symbol, signature, callbackErrors, false);
    }

    /**
     * A leaf is a critical downcall, as a {@code @NativeLeaf} method's, unless it captures errno; a
     * basic signature that captures errno a downcall that saves it ({@link FfmErrno}); every other
     * signature an {@link FfmAbiFunction}, refused when a struct's layout in FFM is not the
     * contract's.
     */
    @Override
    public FunctionInvoker function(String symbol, NativeSignature signature, UpcallErrors callbackErrors,
                                    boolean leaf) throws LoadRefusal {
        if (FfmErrno.carries(signature)) {
            // errno is saved by the downcall itself; a leaf that captures errno is an ordinary
            // capturing downcall (critical together with the capture was not tried)
            MethodHandle downcall = LINKER.downcallHandle(target(address(symbol)), FfmTypes.descriptor(signature),
                    FfmErrno.option());
            return new FfmErrnoFunction(new FfmFunction(signature, FfmErrno.capturing(downcall), false));
        }
        if (!signature.isBasic()) {
            MemorySegment target = target(address(symbol));
            try {
                return FfmAbiFunction.of(target, signature, upcalls, callbackErrors, leaf);
            } catch (IllegalArgumentException e) {
                throw new LoadRefusal(RefusalReason.LOAD_FAILED, "function '" + symbol + "' is declared " + signature
                        + " and FFM cannot call it so: " + e.getMessage(), e);
            }
        }
        Linker.Option[] options = leaf ? new Linker.Option[] {Linker.Option.critical(false)} : new Linker.Option[0];
        return new FfmFunction(signature, LINKER.downcallHandle(target(address(symbol)), FfmTypes.descriptor(signature),
                options), leaf);
    }

    /**
     * The address of a function as a downcall target outside the arena's scope. A target in the
     * shared arena would be acquired and released around every call, two atomic updates of the
     * arena's counter (about 20 ns in the benchmarks); the drain already guarantees what they
     * would: no call of the generation runs when the arena is closed.
     */
    static MemorySegment target(MemorySegment symbol) {
        return MemorySegment.ofAddress(symbol.address());
    }

    /** This generation's upcall stubs. */
    FfmUpcalls upcalls() {
        return upcalls;
    }

    @Override
    public VariableAccessor variable(String symbol, NativeType type) throws LoadRefusal {
        return new FfmVariable(address(symbol).reinterpret(FfmTypes.layout(type).byteSize()), type);
    }

    private MemorySegment address(String symbol) throws LoadRefusal {
        return lookup.find(symbol).orElseThrow(() -> new LoadRefusal(RefusalReason.LOAD_FAILED,
                "symbol '" + symbol + "' was expected in " + file + " and is not exported there"));
    }

    private synchronized BackendLibrary jnr() throws LoadRefusal {
        if (jnr == null) {
            BackendLibrary opened = jnrBackend.open(file, dependencies);
            if (typedCallbackErrors != null) {
                opened.typedCallbackErrors(typedCallbackErrors);
            }
            jnr = opened;
        }
        return jnr;
    }

    /*
     * The typed methods FFM leaves to jnr (callbacks, structs, ...) run in jnr's binding, so what the
     * guard asks of the typed call that just returned is jnr's to answer; errno too, unless FFM
     * calls the interface's @SaveError methods itself. The NativeFunction callbacks are this
     * generation's own (upcalls).
     */

    @Override
    public synchronized void typedCallbackErrors(Function<Method, UpcallErrors> errors) {
        typedCallbackErrors = errors;
        if (jnr != null) {
            jnr.typedCallbackErrors(errors);
        }
    }

    /** The errno the {@code @SaveError} method that just returned on this thread saved: FFM's capture, or jnr's. */
    @Override
    public boolean holdsStringArguments(Object binding) {
        // a typed interface FFM left to the jnr library of the same files
        BackendLibrary delegate = jnr;
        return delegate != null && delegate.holdsStringArguments(binding);
    }

    @Override
    public OptionalInt savedErrno() {
        if (errnoOnFfm) {
            return OptionalInt.of(FfmErrno.last());
        }
        BackendLibrary delegate = jnr;
        return delegate == null ? OptionalInt.empty() : delegate.savedErrno();
    }

    @Override
    public void callbacksReturned() {
        BackendLibrary delegate = jnr;
        if (delegate != null) {
            delegate.callbacksReturned();
        }
    }

    @Override
    public synchronized void cut() {
        upcalls.cut();
        if (jnr != null) {
            jnr.cut();
        }
    }

    @Override
    public synchronized List<String> close() {
        List<String> problems = new ArrayList<>();
        // no stub is made or entered from now on; the arena's close below frees them
        upcalls.close();
        if (jnr != null) {
            problems.addAll(jnr.close());
            jnr = null;
        }
        try {
            arena.close();
        } catch (IllegalStateException e) {
            // only if a segment of the arena were still in use: the drain rules that out
            problems.add(file + ": the FFM arena could not be closed: " + e.getMessage());
        }
        return problems;
    }

    @Override
    public String toString() {
        return "ffm library " + file;
    }
}
