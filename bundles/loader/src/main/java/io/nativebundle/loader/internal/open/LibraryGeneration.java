package io.nativebundle.loader.internal.open;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.Version;

import io.nativebundle.api.NativeLibraryUnloadedException;
import io.nativebundle.loader.internal.backend.jnr.JffiHandles;
import io.nativebundle.loader.internal.call.GuardFactory;
import io.nativebundle.loader.internal.metrics.SymbolMetrics;
import io.nativebundle.loader.internal.unload.Unloader;

/**
 * One loaded generation of a library: the unit that is opened, called through guards, cut and
 * closed. Every load gets a new generation, in a new cache folder, so no two generations ever
 * share a path or a dlopen handle.
 *
 * <p>What the generation knows to close it safely:
 * <ul>
 *   <li>the guards to cut ({@link #guard}, {@link #onCut}): after the cut, new calls throw
 *       {@link NativeLibraryUnloadedException};</li>
 *   <li>the objects through which native code can still be reached ({@link #adopt}), held
 *       weakly: the jnr-ffi binding and the jffi {@code Library} objects. When all of them are
 *       garbage, no call is in flight and none can start, and the {@link Unloader} may
 *       {@code dlclose} the recorded handles.</li>
 * </ul>
 *
 * <pre>{@code
 * LibraryBinder.open(file, deps, generation::hold);                  // RTLD_LOCAL, held until published
 * generation.open(LibraryBinder.bind(MathLib.class, file, deps));    // adopts the binding
 * MathLib service = generation.guard(MathLib.class, metrics);        // the only reference to it
 * // register the services, then generation.published()
 * // on unload: unregister, then unloader.unload(generation, "bundle stopping")
 * }</pre>
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
        /** Closed: its handles dlclosed and its cache folder deleted. */
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
    private final List<WeakReference<Object>> references = new CopyOnWriteArrayList<>();
    private final List<JffiHandles.Opened> opened = new CopyOnWriteArrayList<>();
    private volatile boolean handlesUnknown;
    private volatile Class<?> jffiLibraryClass;
    private volatile long unloadStarted;
    private volatile String unloadReason = "";
    /** The binding between {@link #open} and {@link #guard(Class, SymbolMetrics[])}; dropped by the unload. */
    private volatile Object pending;
    /** Libraries opened for the load, held until {@link #published()}; dropped by the unload. */
    private final List<Object> held = new CopyOnWriteArrayList<>();

    /** A generation with no cache folder; for tests of code that only needs its identity. */
    public LibraryGeneration(String library, long generation) {
        this(library, Version.emptyVersion, generation, -1L, "", null, List.of());
    }

    /**
     * @param folder the generation's cache folder, deleted when it closes; may be null
     * @param files  the native files in the folder, the library first, then its same-bundle dependencies
     */
    public LibraryGeneration(String library, Version version, long generation, long bundleId, String symbolicName,
                             Path folder, List<Path> files) {
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

    /**
     * Adopts a jffi {@code Library} opened for this generation and holds it until
     * {@link #published()}: jffi caches libraries by path only weakly, and the later steps of
     * the load (jnr-ffi, the symbol services) must find this very one there.
     */
    public void hold(Object jffiLibrary) {
        adopt(jffiLibrary);
        held.add(jffiLibrary);
        if (state.get() != State.OPEN) {
            held.clear();
        }
    }

    /** The load is complete: from now on only the published services keep the libraries. */
    public void published() {
        held.clear();
    }

    /**
     * Adopts the jnr-ffi binding of this generation and keeps it until
     * {@link #guard(Class, SymbolMetrics[])} wraps it. Pass the binding straight from the binder,
     * {@code generation.open(LibraryBinder.bind(...))}, so no local variable of the caller holds
     * it: a load refused after this point must be able to release it.
     */
    public void open(Object binding) {
        adopt(binding);
        pending = binding;
        if (state.get() != State.OPEN) {
            pending = null;
        }
    }

    /**
     * Wraps the binding given to {@link #open} in a guard that is cut when the generation
     * closes. From then on the guard is the only strong reference to the binding.
     *
     * @param metrics one entry per method of {@link GuardFactory#methods()}, null entries for no
     *                metrics; null for none at all
     * @throws IllegalStateException when no binding is open, or the unload already started
     */
    public <T> T guard(Class<T> type, SymbolMetrics[] metrics) {
        Object binding = pending;
        if (binding == null) {
            throw new IllegalStateException("no open binding to guard in " + this);
        }
        T guard = GuardFactory.of(type).guard(this, type.cast(binding), metrics);
        pending = null;
        return guard;
    }

    /**
     * Adopts a jnr-ffi binding of this generation and wraps it in a guard that is cut when the
     * generation closes. Nothing but the returned guard may keep a strong reference to
     * {@code binding}.
     */
    public <T> T guard(Class<T> type, T binding, SymbolMetrics[] metrics) {
        T guard = GuardFactory.of(type).guard(this, binding, metrics);
        adopt(binding);
        return guard;
    }

    /**
     * Registers an object through which native code of this generation can be reached: a
     * jnr-ffi binding or a jffi {@code Library}. The generation is closed only once every adopted
     * object is garbage; their dlopen handles are then closed by the loader, not by jffi.
     */
    public void adopt(Object nativeObject) {
        if (isAdopted(nativeObject)) {
            return; // jnr-ffi and jffi share one cached Library per path
        }
        references.add(new WeakReference<>(nativeObject));
        List<Object> libraries;
        try {
            libraries = JffiHandles.libraries(nativeObject);
        } catch (IllegalStateException e) {
            handlesUnknown = true;
            return;
        }
        for (Object jffiLibrary : libraries) {
            if (jffiLibrary != nativeObject) {
                if (isAdopted(jffiLibrary)) {
                    continue;
                }
                references.add(new WeakReference<>(jffiLibrary));
            }
            JffiHandles.Opened o = JffiHandles.takeOver(jffiLibrary);
            if (o != null) {
                opened.add(o);
                jffiLibraryClass = jffiLibrary.getClass();
            }
        }
    }

    /**
     * Runs {@code cut} when the unload starts, after the services are unregistered; at once if
     * it already started. For guards that are not {@link Guard}s, e.g. symbol services.
     */
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

    // --- for the Unloader ---

    /** Refuses new calls and cuts every guard; false when the unload had already started. */
    public boolean beginUnload(String reason) {
        if (!state.compareAndSet(State.OPEN, State.CLOSING)) {
            return false;
        }
        unloadStarted = System.nanoTime();
        unloadReason = reason;
        pending = null;
        held.clear();
        for (Runnable cut : cuts) {
            cut.run();
        }
        return true;
    }

    /** Whether every adopted object is garbage, i.e. no call is in flight and none can start. */
    public boolean released() {
        for (WeakReference<Object> reference : references) {
            if (!reference.refersTo(null)) {
                return false;
            }
        }
        return true;
    }

    public boolean markLingering() {
        return state.compareAndSet(State.CLOSING, State.LINGERING);
    }

    /** Claims the close; true for exactly one caller. */
    public boolean markClosed() {
        return state.compareAndSet(State.CLOSING, State.CLOSED) || state.compareAndSet(State.LINGERING, State.CLOSED);
    }

    public List<JffiHandles.Opened> opened() {
        return opened;
    }

    /** Whether an adopted object held handles that could not be read, so they are closed by path. */
    public boolean handlesUnknown() {
        return handlesUnknown;
    }

    public Class<?> jffiLibraryClass() {
        return jffiLibraryClass;
    }

    public List<String> paths() {
        List<String> paths = new ArrayList<>();
        files.forEach(f -> paths.add(f.toString()));
        return paths;
    }

    private boolean isAdopted(Object object) {
        for (WeakReference<Object> reference : references) {
            if (reference.refersTo(object)) {
                return true;
            }
        }
        return false;
    }
}
