package io.nativebundle.loader.internal.backend;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;

/**
 * A second backend, for tests only: it calls no native code. Its "library" exports the Java
 * functions and variables a test gives it, and it records every open, bind, lookup, call and
 * close, so a test can assert what the loader asked of the seam and in which order, and that no
 * call reached the library after its close.
 *
 * <pre>{@code
 * RecordingBackend backend = new RecordingBackend().function("add", a -> (Integer) a[0] + (Integer) a[1]);
 * ...load through the real pipeline with it...
 * assertEquals(List.of("open libsym.so", "bind Sym", "function add (int,int)int", ...), backend.events());
 * }</pre>
 */
public final class RecordingBackend implements NativeBackend {

    public static final String NAME = "fake";

    private final Map<String, Function<Object[], Object>> functions = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> variables = new ConcurrentHashMap<>();
    private final List<String> events = new ArrayList<>();
    private final AtomicInteger callsAfterClose = new AtomicInteger();
    private volatile String refuseBind;
    /** Runs at the start of each {@link #open}, on the loading thread: a test holds a load there. */
    public volatile Runnable onOpen = () -> { };

    /** Exports a function; its body gets the arguments as the loader passes them. */
    public RecordingBackend function(String name, Function<Object[], Object> body) {
        functions.put(name, body);
        return this;
    }

    /** Exports a variable, initially 0. */
    public RecordingBackend variable(String name) {
        variables.put(name, new AtomicLong());
        return this;
    }

    /** Makes {@link BackendLibrary#bind} refuse with {@code LOAD_FAILED} and this message. */
    public RecordingBackend refuseBind(String message) {
        this.refuseBind = message;
        return this;
    }

    /** Everything the loader asked, in order, e.g. {@code open libsym.so []}, {@code call add [2, 3]}, {@code close libsym.so}. */
    public List<String> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** How many calls or accesses reached a library after it was closed; the loader must keep this 0. */
    public int callsAfterClose() {
        return callsAfterClose.get();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BackendLibrary open(Path library, List<Path> dependencies) {
        onOpen.run();
        record("open " + library.getFileName() + " " + dependencies.stream().map(Path::getFileName).toList());
        return new Library(library.getFileName().toString());
    }

    private void record(String event) {
        synchronized (events) {
            events.add(event);
        }
    }

    /**
     * One opened "library". It keeps nothing it hands out, as the seam requires: a binding,
     * invoker or accessor reaches it, never the other way round.
     */
    private final class Library implements BackendLibrary {

        private final String file;
        private volatile boolean closed;

        Library(String file) {
            this.file = file;
        }

        @Override
        public <T> T bind(Class<T> type) throws LoadRefusal {
            record("bind " + type.getSimpleName());
            if (refuseBind != null) {
                throw new LoadRefusal(RefusalReason.LOAD_FAILED, refuseBind);
            }
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, args) -> bound(proxy, method, args)));
        }

        private Object bound(Object proxy, Method method, Object[] args) {
            switch (method.getName()) {
                case "equals": return proxy == args[0];
                case "hashCode": return System.identityHashCode(proxy);
                case "toString": return "binding of " + file;
                default: return call(method.getName(), args == null ? new Object[0] : args);
            }
        }

        @Override
        public boolean exports(String symbol) {
            return functions.containsKey(symbol) || variables.containsKey(symbol);
        }

        @Override
        public FunctionInvoker function(String symbol, NativeSignature signature) {
            record("function " + symbol + " " + signature);
            return arguments -> call(symbol, arguments);
        }

        @Override
        public VariableAccessor variable(String symbol, NativeType type) {
            record("variable " + symbol + " " + type.token());
            return new Variable(this, symbol, variables.get(symbol));
        }

        @Override
        public void cut() {
            record("cut " + file);
        }

        @Override
        public List<String> close() {
            record("close " + file);
            closed = true;
            return List.of();
        }

        Object call(String symbol, Object[] arguments) {
            touch("call " + symbol + " " + Arrays.toString(arguments));
            Object result = functions.get(symbol).apply(arguments);
            record("return " + symbol);
            return result;
        }

        void touch(String event) {
            if (closed) {
                callsAfterClose.incrementAndGet();
                record("AFTER CLOSE: " + event);
            } else {
                record(event);
            }
        }
    }

    /** A variable as a long cell (a double as its bits); reads and writes are recorded like calls. */
    private static final class Variable implements VariableAccessor {

        private final Library library;
        private final String name;
        private final AtomicLong cell;

        Variable(Library library, String name, AtomicLong cell) {
            this.library = library;
            this.name = name;
            this.cell = cell;
        }

        @Override
        public long getLong() {
            library.touch("get " + name);
            return cell.get();
        }

        @Override
        public void setLong(long value) {
            library.touch("set " + name + " " + value);
            cell.set(value);
        }

        @Override
        public double getDouble() {
            return Double.longBitsToDouble(getLong());
        }

        @Override
        public void setDouble(double value) {
            setLong(Double.doubleToLongBits(value));
        }
    }
}
