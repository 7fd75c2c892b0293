package io.nativebundle.loader.internal.backend.host;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.nativebundle.api.NativeHostCrashedException;
import io.nativebundle.api.NativeHostStatus;
import io.nativebundle.api.NativeParameter;
import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.NativeType;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.contract.SignatureParser;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.backend.BackendLibrary;
import io.nativebundle.loader.internal.backend.FunctionInvoker;
import io.nativebundle.loader.internal.backend.VariableAccessor;

/**
 * One generation opened in a host process of its own: the shared file, its slots, the process's
 * supervisor, and every symbol bound so far, which a restarted host binds again before it serves
 * calls. The functions, variables and typed binding it hands out reference its channel; it keeps
 * none of them, so they become garbage once the guards let go, as the drain requires.
 */
final class HostLibrary implements BackendLibrary {

    /** A bind request as sent, kept to send it again to a restarted host; compared by identity. */
    private record Binding(int op, int index, byte[] request) {
    }

    private final HostRuntime runtime;
    private final HostIdentity identity;
    private final HostPlacement placement;
    private final Path file;
    private final Path shared;
    private final HostChannel channel;
    private final HostSupervisor supervisor;
    private final HostStatusBoard board;
    private final List<Binding> bindings = new CopyOnWriteArrayList<>();
    private final AtomicInteger indices = new AtomicInteger();

    private HostLibrary(HostRuntime runtime, HostIdentity identity, HostPlacement placement, Path file, Path shared,
                        HostChannel channel, HostSupervisor supervisor, HostStatusBoard board) {
        this.runtime = runtime;
        this.identity = identity;
        this.placement = placement;
        this.file = file;
        this.shared = shared;
        this.channel = channel;
        this.supervisor = supervisor;
        this.board = board;
    }

    /**
     * Starts the host of one generation: it opens {@code dependencies}, then {@code library}, in a
     * new process, with the generation's limits.
     */
    static HostLibrary open(HostRuntime runtime, HostIdentity identity, HostPlacement placement, Path library,
                            List<Path> dependencies) throws LoadRefusal {
        HostSettings settings = runtime.settings();
        SharedRegion region = runtime.region(identity, settings.threads() + 1, settings.callBytes());
        SlotPool pool = new SlotPool(region);
        HostStatusBoard board = new HostStatusBoard(settings.threads(), placement);
        List<Path> files = new ArrayList<>(dependencies);
        files.add(library);
        HostSupervisor supervisor = new HostSupervisor(identity, runtime, region, pool, placement, files, board);
        HostChannel channel = new HostChannel(identity, region, pool, supervisor, settings);
        HostLibrary opened = new HostLibrary(runtime, identity, placement, library, region.file(), channel, supervisor,
                board);
        supervisor.replay(opened::bindAgain);
        runtime.opened(opened);
        try {
            supervisor.start();
        } catch (LoadRefusal | RuntimeException e) {
            opened.close();
            throw e;
        }
        return opened;
    }

    @Override
    public <T> T bind(Class<T> type) throws LoadRefusal {
        return HostBindings.bind(type, identity.library(), this::function);
    }

    @Override
    public boolean exports(String symbol) {
        byte[] name = name(symbol);
        for (int attempt = 1;; attempt++) {
            HostProcess p = supervisor.awaitRunning(symbol);
            Slot slot = channel.beginControl(p);
            try {
                slot.begin(0);
                slot.append(name, 0, name.length, false);
                channel.exchange(slot, Wire.OP_LOOKUP, 0, symbol, Optional.empty());
                return slot.cell(0) != 0;
            } catch (NativeHostCrashedException crash) {
                // a call of a symbol published before this one crashed the host: ask the next one
                if (attempt > runtime.settings().crashLimit()) {
                    throw crash;
                }
            } finally {
                channel.endControl(slot);
            }
        }
    }

    @Override
    public FunctionInvoker function(String symbol, NativeSignature signature) throws LoadRefusal {
        for (NativeParameter p : signature.parameterList()) {
            if (p.type() == NativeType.CALLBACK) {
                throw new LoadRefusal(RefusalReason.LOAD_FAILED, "function '" + symbol + "' of library '"
                        + identity.library() + "' is declared " + signature + "; a library that runs out of process"
                        + " (isolation=process) cannot carry callback '" + p.callbackName().orElseThrow()
                        + p.callbackSignature().orElseThrow() + "': C in the host process cannot call Java code in"
                        + " this one; load the library in process to use callbacks");
            }
        }
        if (!signature.isBasic()) {
            // the wire protocol carries the first vocabulary's scalars only; refuse rather than mis-call
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "function '" + symbol + "' of library '"
                    + identity.library() + "' is declared " + signature + "; a library that runs out of process"
                    + " (isolation=process) cannot carry '" + SignatureParser.parse(signature.toString()).firstNonBasic().orElseThrow()
                    + "': expected only void, byte, short, int, long, float, double, boolean, pointer, string,"
                    + " buffer by value, without errno");
        }
        if (signature.parameters().size() > Wire.MAX_PARAMETERS) {
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, symbol + signature + " of library '" + identity.library()
                    + "' has " + signature.parameters().size() + " parameters; a library that runs out of process"
                    + " takes at most " + Wire.MAX_PARAMETERS);
        }
        byte[] name = name(symbol);
        int count = signature.parameters().size();
        ByteBuffer request = ByteBuffer.allocate(5 + count + name.length).order(ByteOrder.nativeOrder());
        request.putInt(count).put((byte) Wire.code(signature.returnType()));
        for (NativeType parameter : signature.parameters()) {
            request.put((byte) Wire.code(parameter));
        }
        request.put(name);
        int index = bind(Wire.OP_BIND_FUNCTION, request.array(), symbol);
        return new HostFunction(channel, index, symbol, signature, placement.timeoutOf(symbol));
    }

    @Override
    public VariableAccessor variable(String symbol, NativeType type) throws LoadRefusal {
        byte[] name = name(symbol);
        byte[] request = new byte[1 + name.length];
        request[0] = (byte) Wire.code(type);
        System.arraycopy(name, 0, request, 1, name.length);
        int index = bind(Wire.OP_BIND_VARIABLE, request, symbol);
        return new HostVariable(channel, index, symbol, type);
    }

    /** Binds a symbol in the running host and keeps the request for a restart; the symbol's index. */
    private int bind(int op, byte[] request, String symbol) throws LoadRefusal {
        int index = indices.getAndIncrement();
        if (index >= Wire.MAX_BINDINGS) {
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "library '" + identity.library() + "' binds more than "
                    + Wire.MAX_BINDINGS + " symbols out of process");
        }
        // kept before it is sent: a host that crashes right after answering is replaced by one that binds it too
        Binding binding = new Binding(op, index, request);
        bindings.add(binding);
        try {
            for (int attempt = 1;; attempt++) {
                try {
                    send(supervisor.awaitRunning(symbol), op, index, request, symbol);
                    break;
                } catch (NativeHostCrashedException crash) {
                    // the symbols published first are callable while the rest are bound: a call of
                    // one may crash the host; bind in the next (which binds the earlier ones again)
                    if (attempt > runtime.settings().crashLimit()) {
                        throw crash;
                    }
                }
            }
        } catch (HostChannel.HostRequestException e) {
            bindings.remove(binding);
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "the native host of library '" + identity.library()
                    + "' cannot bind " + symbol + ": " + e.hostMessage());
        } catch (NativeHostCrashedException e) {
            bindings.remove(binding);
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, e.getMessage(), e);
        }
        return index;
    }

    private void send(HostProcess p, int op, int index, byte[] request, String symbol) {
        Slot slot = channel.beginControl(p);
        try {
            slot.begin(0);
            slot.append(request, 0, request.length, false);
            channel.exchange(slot, op, index, symbol, Optional.empty());
        } finally {
            channel.endControl(slot);
        }
    }

    /** Sends every bind request again, in order, to a restarted host. */
    private void bindAgain(HostProcess p) {
        for (Binding b : bindings) {
            send(p, b.op(), b.index(), b.request(), "binding again");
        }
    }

    private static byte[] name(String symbol) {
        return (symbol + "\0").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public List<String> close() {
        List<String> problems = new ArrayList<>(supervisor.stop());
        runtime.closed(this);
        try {
            Files.deleteIfExists(shared);
        } catch (IOException e) {
            problems.add("cannot delete " + shared + ": " + e);
        }
        return problems;
    }

    @Override
    public Optional<Supplier<NativeHostStatus>> hostStatus() {
        return Optional.of(board);
    }

    @Override
    public String toString() {
        return "host library " + file + " (" + identity.describe() + ")";
    }
}
