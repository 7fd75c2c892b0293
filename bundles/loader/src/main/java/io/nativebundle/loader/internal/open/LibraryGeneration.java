package io.nativebundle.loader.internal.open;

import java.lang.ref.ReferenceQueue;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import org.osgi.framework.Version;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeHostStatus;
import io.nativebundle.api.NativeLibraryUnloadedException;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.BackendLibrary;
import io.nativebundle.loader.internal.backend.FunctionInvoker;
import io.nativebundle.loader.internal.backend.LeafMethods;
import io.nativebundle.loader.internal.backend.UpcallErrors;
import io.nativebundle.loader.internal.backend.VariableAccessor;
import io.nativebundle.loader.internal.backend.routed.RoutedBinding;

/**
 * One loaded generation of a library: the unit that is opened, called through guards, cut and
 * closed. Every load gets a new generation, in a new cache folder, so no two generations ever
 * share a path or a dlopen handle.
 *
 * <p>What the generation knows to close it safely:
 * <ul>
 *   <li>what its backend opened ({@link #opened}), which only the unloader closes;</li>
 *   <li>the guards to cut ({@link #onCut}): after the cut, new calls throw
 *       {@link NativeLibraryUnloadedException};</li>
 *   <li>the objects through which native code can be reached, held weakly ({@link #adopt}):
 *       the typed binding and every function invoker and variable accessor the backend handed
 *       out. Only guards hold them strongly, and the locals of calls in flight. When all of them
 *       are garbage after the cut, no call is in flight and none can start, and the unloader may
 *       close the backend's library.</li>
 * </ul>
 *
 * <pre>{@code
 * generation.opened(backend.name(), backend.open(file, deps));     // owned from now on
 * generation.bind(MathLib.class);                                    // adopted, held until guarded
 * MathLib service = GuardFactory.of(MathLib.class)
 *         .guard(generation, generation.takeBinding(MathLib.class), metrics);
 * // register the services; on unload: unregister, then unloader.unload(generation, "bundle stopping")
 * }</pre>
 *
 * <p>Over 300 lines on purpose: the identity, the state and the weak references that decide when
 * the library may be closed change together under one lock; split, the state's rules would be
 * checked in two classes that each see half of it.
 */
public final class LibraryGeneration {

    /** Where a generation stands. */
    public enum State {
        /** Calls pass. */
        OPEN,
        /** Cut; waiting until nothing references its native objects. */
        CLOSING,
        /** Still referenced when the unload timeout passed; the reaper closes it once released. */
        LINGERING,
        /** Closed: its backend library closed and its cache folder deleted. */
        CLOSED
    }

    private final String library;
    private volatile Version version;
    private final long generation;
    private final long bundleId;
    private final String symbolicName;
    private final Path folder;
    private final List<Path> files;

    private final AtomicReference<State> state = new AtomicReference<>(State.OPEN);
    private final List<Runnable> cuts = new CopyOnWriteArrayList<>();
    private final Anchors anchors;
    /** Each thread's last errno of an errno-capturing call of this generation. */
    private final LastErrno lastErrno = new LastErrno();
    /** What the backend opened; closed once, after the drain. */
    private volatile BackendLibrary opened;
    private volatile String backend = "";
    private volatile String isolation = NativeBundleConstants.ISOLATION_IN_PROCESS;
    private volatile Optional<Supplier<NativeHostStatus>> hostStatus = Optional.empty();
    /** The typed binding between {@link #bind} and {@link #takeBinding}; dropped by the unload. */
    private volatile Object pending;
    private volatile long unloadStarted;
    private volatile String unloadReason = "";

    /** A generation with no cache folder whose release nobody watches; for tests that only need its identity. */
    public LibraryGeneration(String library, long generation) {
        this(library, Version.emptyVersion, generation, -1L, "", null, List.of(), new ReferenceQueue<>());
    }

    /**
     * @param folder   the generation's cache folder, deleted when it closes; may be null
     * @param files    the native files in the folder, the library first, then its same-bundle dependencies
     * @param releases where the references to its anchors go once collected: the unloader's
     *                 ({@code Unloader.releases()}), whose watcher wakes those waiting for the release
     */
    public LibraryGeneration(String library, Version version, long generation, long bundleId, String symbolicName,
                             Path folder, List<Path> files, ReferenceQueue<Object> releases) {
        this.anchors = new Anchors(releases);
        this.library = library;
        this.version = version;
        this.generation = generation;
        this.bundleId = bundleId;
        this.symbolicName = symbolicName;
        this.folder = folder;
        this.files = List.copyOf(files);
    }

    public String library() {
        return library;
    }

    public Version version() {
        return version;
    }

    /**
     * The version learnt once the library is open: a host library's {@code version-symbol}
     * function can only be called then. Before, the generation carries the declared range's floor.
     */
    public void actualVersion(Version actual) {
        this.version = actual;
    }

    public long generation() {
        return generation;
    }

    public long bundleId() {
        return bundleId;
    }

    public String symbolicName() {
        return symbolicName;
    }

    /** The cache folder, or null. */
    public Path folder() {
        return folder;
    }

    public List<Path> files() {
        return files;
    }

    /** The name of the backend that opened it, e.g. {@code jnr}; empty before {@link #opened}. */
    public String backend() {
        return backend;
    }

    public State state() {
        return state.get();
    }

    /** Whether calls still pass; false from the moment the unload starts. */
    public boolean isOpen() {
        return state.get() == State.OPEN;
    }

    /** The exception a call through a cut guard throws. */
    public NativeLibraryUnloadedException unloaded() {
        return new NativeLibraryUnloadedException(library, generation);
    }

    /** Takes over what {@code backend} opened for this generation; only the unloader closes it. */
    public void opened(String backendName, BackendLibrary library) {
        opened(backendName, NativeBundleConstants.ISOLATION_IN_PROCESS, library);
    }

    /** As {@link #opened(String, BackendLibrary)}, with where its calls run ({@code nativebundle.isolation}). */
    public void opened(String backendName, String isolationName, BackendLibrary library) {
        this.backend = backendName;
        this.isolation = isolationName;
        this.hostStatus = library.hostStatus();
        this.opened = library;
    }

    /** {@code in-process}, or {@code process} when the backend runs the calls in a host process. */
    public String isolation() {
        return isolation;
    }

    /** The live state of the host process, when the calls run in one. */
    public Optional<Supplier<NativeHostStatus>> hostStatus() {
        return hostStatus;
    }

    /**
     * Binds the typed interface and keeps the binding until {@link #takeBinding} hands it to its
     * guard: it must never sit in a local variable of the load, or a refused load could not
     * release it.
     *
     * @throws LoadRefusal {@code LOAD_FAILED} when the backend cannot bind a method
     */
    public void bind(Class<?> type) throws LoadRefusal {
        bind(type, Map.of(), LeafMethods.annotatedOnly());
    }

    /**
     * As {@link #bind(Class)}, with the functions {@code NativeBundle-Symbols} declares, by name, and
     * the methods that are leaves (annotated, or declared in the manifest: {@link LeafMethods#declared}).
     * In process, a method jnr-ffi cannot bind (a struct by value, a variadic function) is called
     * through its declaration, as its {@code NativeFunction} is ({@link RoutedBinding}); out of
     * process the backend gets the whole interface, and its host refuses such a method by name.
     *
     * @throws LoadRefusal {@code LOAD_FAILED} when a leaf takes a callback, whatever the backend,
     *                     or when the backend cannot bind a method
     */
    public void bind(Class<?> type, Map<String, NativeSignature> declared, LeafMethods leaves) throws LoadRefusal {
        leaves.refuseCallbacks(type);
        pending = adopt(NativeBundleConstants.ISOLATION_IN_PROCESS.equals(isolation)
                ? RoutedBinding.bind(type, backendLibrary(), declared, leaves, this::function)
                : backendLibrary().bind(type, leaves));
        if (state.get() != State.OPEN) {
            pending = null;
        }
    }

    /** The binding {@link #bind} made, now to be wrapped in a guard, which is its only holder from then on. */
    public <T> T takeBinding(Class<T> type) {
        Object binding = pending;
        if (binding == null) {
            throw new IllegalStateException("no open binding to guard in " + this);
        }
        pending = null;
        return type.cast(binding);
    }

    /** Whether the library exports {@code symbol}. */
    public boolean exports(String symbol) {
        return backendLibrary().exports(symbol);
    }

    /** The invoker of an exported function, adopted; the caller hands it straight to its guard. */
    public FunctionInvoker function(String symbol, NativeSignature signature) throws LoadRefusal {
        return function(symbol, signature, new UpcallErrors(), false);
    }

    /** Each thread's last errno of this generation's errno-capturing calls ({@code NativeLibrary.lastErrno()}). */
    public LastErrno lastErrno() {
        return lastErrno;
    }

    /**
     * Records what the backend saved of errno for the typed method that just returned on this
     * thread ({@code @SaveError}); the guard calls it right after such a method.
     */
    public void saveErrno() {
        backendLibrary().savedErrno().ifPresent(lastErrno::record);
    }

    /** Where the callbacks passed to each typed method count their errors: its symbol's counters. */
    public void typedCallbackErrors(Function<Method, UpcallErrors> errors) {
        // a routed binding's backend bound a copy of the interface's other methods: count under the originals
        backendLibrary().typedCallbackErrors(method -> errors.apply(RoutedBinding.original(method)));
    }

    /**
     * Whether {@code binding}, a typed binding of what the backend opened, holds string arguments
     * on the thread ({@code BackendLibrary.holdsStringArguments}); false before {@link #opened}.
     */
    public boolean holdsStringArguments(Object binding) {
        BackendLibrary library = opened;
        return library != null && library.holdsStringArguments(binding);
    }

    /** Rethrows what a callback of the typed call that just returned on this thread threw, if one did. */
    public void callbacksReturned() {
        backendLibrary().callbacksReturned();
    }

    /**
     * As {@link #function(String, NativeSignature)}, counting the errors of the callbacks passed to
     * it in {@code callbackErrors}, and for a function declared a leaf when {@code leaf}.
     */
    public FunctionInvoker function(String symbol, NativeSignature signature, UpcallErrors callbackErrors,
                                    boolean leaf) throws LoadRefusal {
        FunctionInvoker invoker = backendLibrary().function(symbol, signature, callbackErrors, leaf);
        return adopt(signature.capturesErrno() ? new ErrnoRecordingInvoker(invoker, lastErrno) : invoker);
    }

    /** The accessor of an exported variable, adopted; the caller hands it straight to its guard. */
    public VariableAccessor variable(String symbol, NativeType type) throws LoadRefusal {
        return adopt(backendLibrary().variable(symbol, type));
    }

    /** Watches an object through which native code can be reached: closed only once all are garbage; returns it. */
    public <T> T adopt(T nativeObject) {
        return anchors.adopt(nativeObject);
    }

    /** Runs {@code cut} when the unload starts, after the services are unregistered; at once if it already started. */
    public void onCut(Runnable cut) {
        cuts.add(cut);
        if (state.get() != State.OPEN) {
            cut.run();
        }
    }

    /** Milliseconds since the unload started, or 0. */
    public long millisSinceUnload() {
        long started = unloadStarted;
        return started == 0L ? 0L : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /** Why it was unloaded, e.g. {@code bundle stopping}. */
    public String unloadReason() {
        return unloadReason;
    }

    @Override
    public String toString() {
        return "library '" + library + "' generation " + generation + " (" + state.get() + ")";
    }

    // --- for the unloader ---

    /** Refuses new calls and cuts every guard; false when the unload had already started. */
    public boolean beginUnload(String reason) {
        if (!state.compareAndSet(State.OPEN, State.CLOSING)) {
            return false;
        }
        unloadStarted = System.nanoTime();
        unloadReason = reason;
        pending = null;
        for (Runnable cut : cuts) {
            cut.run();
        }
        BackendLibrary library = opened;
        if (library != null) {
            library.cut();
        }
        return true;
    }

    /** Whether every adopted object is garbage, i.e. no call is in flight and none can start. */
    public boolean released() {
        return anchors.released();
    }

    /**
     * Waits until {@link #released()}, at most until {@code deadline} ({@link System#nanoTime()}),
     * woken each time the collector cleared one adopted object.
     *
     * @return whether released
     */
    public boolean awaitReleased(long deadline) throws InterruptedException {
        return anchors.await(deadline);
    }

    /** Runs {@code action} once, on the unloader's watcher thread, when released; at once if it already is. */
    public void whenReleased(Runnable action) {
        anchors.whenReleased(action);
    }

    public boolean markLingering() {
        return state.compareAndSet(State.CLOSING, State.LINGERING);
    }

    /** Claims the close; true for exactly one caller. */
    public boolean markClosed() {
        return state.compareAndSet(State.CLOSING, State.CLOSED) || state.compareAndSet(State.LINGERING, State.CLOSED);
    }

    /**
     * Closes what the backend opened; call it once {@link #released()} and {@link #markClosed()}.
     *
     * @return the backend's problems, for the log
     */
    public List<String> closeLibrary() {
        BackendLibrary library = opened;
        opened = null;
        return library == null ? List.of() : library.close();
    }

    private BackendLibrary backendLibrary() {
        BackendLibrary library = opened;
        if (library == null) {
            throw new IllegalStateException("nothing is open in " + this);
        }
        return library;
    }
}
