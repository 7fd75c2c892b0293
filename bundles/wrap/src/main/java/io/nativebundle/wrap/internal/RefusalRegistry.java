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
 * What the drop-in knows about each descriptor: its latest refusal, and the digests of the library
 * file and of the detached signature as its latest wrap or refusal read them (to tell whether a
 * changed {@code .so} or {@code .sig} needs a new wrap: by content, not by comparing times of two
 * clocks). A deleted descriptor drops out when it is next asked about, since FileInstall tells no
 * listener about files it never installed.
 */
final class RefusalRegistry implements WrapStatus {

    /**
     * The last outcome for one descriptor.
     *
     * @param librarySeen   the digest of the library file that outcome read; empty when it was missing
     *                      or not read (a host library, a failure)
     * @param signatureSeen the digest of the detached signature that outcome read; empty when there was none
     */
    private record State(Optional<WrapRefusal> refusal, Optional<Path> library, Optional<String> librarySeen,
                         Optional<String> signatureSeen) {
    }

    private final Map<Path, State> states = new ConcurrentHashMap<>();

    /**
     * @param library       the library file the descriptor names, if it parses
     * @param librarySeen   that file's digest taken before the attempt; empty when it did not exist
     * @param signatureSeen the detached signature's digest taken before the attempt; empty when there was none
     */
    void refused(Path descriptor, DescriptorException e, Optional<Path> library, Optional<String> librarySeen,
                 Optional<String> signatureSeen) {
        states.put(key(descriptor), new State(Optional.of(new WrapRefusal(key(descriptor), e.line(), e.column(),
                e.getMessage(), Instant.now())), library.map(RefusalRegistry::key), librarySeen, signatureSeen));
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

    /** Whether {@code descriptor} was wrapped, refused or failed before. */
    boolean isKnown(Path descriptor) {
        return states.containsKey(key(descriptor));
    }

    /**
     * Whether the latest wrap or refusal of {@code descriptor} read the library file with this
     * digest: then a wrap now would pack the same bytes, or repeat the same refusal.
     */
    boolean lastRead(Path descriptor, String sha256) {
        State state = states.get(key(descriptor));
        return state != null && state.librarySeen().map(sha256::equals).orElse(false);
    }

    /** Whether the latest wrap or refusal of {@code descriptor} read a detached signature with this digest. */
    boolean lastSigned(Path descriptor, String sha256) {
        State state = states.get(key(descriptor));
        return state != null && state.signatureSeen().map(sha256::equals).orElse(false);
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
