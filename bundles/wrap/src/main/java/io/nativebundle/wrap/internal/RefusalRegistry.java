package io.nativebundle.wrap.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.nativebundle.wrap.DescriptorException;
import io.nativebundle.wrap.WrapRefusal;
import io.nativebundle.wrap.WrapStatus;

/**
 * What the drop-in knows about each descriptor: its latest refusal, or the digests of the library
 * and of the detached signature it last wrapped (to tell whether a changed {@code .so} or
 * {@code .sig} needs a new wrap). A deleted descriptor
 * drops out when it is next asked about, since FileInstall tells no listener about files it never
 * installed.
 */
final class RefusalRegistry implements WrapStatus {

    /** The last outcome for one descriptor. */
    private record State(Optional<WrapRefusal> refusal, Optional<Path> library, Optional<String> sha256,
                         Optional<String> signature) {
    }

    private final Map<Path, State> states = new ConcurrentHashMap<>();

    void refused(Path descriptor, DescriptorException e, Optional<Path> library) {
        states.put(key(descriptor), new State(Optional.of(new WrapRefusal(key(descriptor), e.line(), e.column(),
                e.getMessage(), Instant.now())), library, Optional.empty(), Optional.empty()));
    }

    void failed(Path descriptor, String message) {
        states.put(key(descriptor), new State(Optional.of(new WrapRefusal(key(descriptor), 0, 0, message,
                Instant.now())), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    void wrapped(Path descriptor, Wrapped wrapped) {
        states.put(key(descriptor), new State(Optional.empty(), Optional.of(key(wrapped.library())), wrapped.sha256(),
                wrapped.signature()));
    }

    /** The descriptor that wraps (or tried to wrap) {@code library}, if one is known. */
    Optional<Path> descriptorOf(Path library) {
        Path file = key(library);
        return states.entrySet().stream()
                .filter(e -> e.getValue().library().map(file::equals).orElse(false))
                .map(Map.Entry::getKey).filter(Files::exists).findFirst();
    }

    /** Whether {@code descriptor} is wrapped from a library with this digest; false if refused. */
    boolean isWrappedFrom(Path descriptor, String sha256) {
        State state = states.get(key(descriptor));
        return state != null && state.sha256().map(sha256::equals).orElse(false);
    }

    /** Whether {@code descriptor} is wrapped with a detached signature of this digest; false if refused. */
    boolean isSignedWith(Path descriptor, String sha256) {
        State state = states.get(key(descriptor));
        return state != null && state.signature().map(sha256::equals).orElse(false);
    }

    /** Whether {@code descriptor}'s latest refusal is newer than {@code time}, e.g. a library file's change. */
    boolean refusedSince(Path descriptor, Instant time) {
        State state = states.get(key(descriptor));
        return state != null && state.refusal().map(r -> r.time().isAfter(time)).orElse(false);
    }

    @Override
    public List<WrapRefusal> refusals() {
        prune();
        List<WrapRefusal> list = new ArrayList<>();
        states.values().forEach(s -> s.refusal().ifPresent(list::add));
        list.sort(Comparator.comparing(WrapRefusal::time).thenComparing(r -> r.descriptor().toString()));
        return list;
    }

    @Override
    public Optional<WrapRefusal> refusal(Path descriptor) {
        prune();
        State state = states.get(key(descriptor));
        return state == null ? Optional.empty() : state.refusal();
    }

    private void prune() {
        states.keySet().removeIf(p -> !Files.exists(p));
    }

    private static Path key(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
