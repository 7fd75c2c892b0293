package io.nativebundle.shell.internal;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.nativebundle.api.NativeBundleStatus;
import io.nativebundle.api.NativeBundleStatus.State;
import io.nativebundle.api.NativeLibrary;

/**
 * Finds the native bundle a command names, by bundle id, library name, namespace
 * ({@code acme/math/v1}) or symbolic name, and says in one line what is there when the name
 * does not fit.
 */
final class Libraries {

    private final List<NativeBundleStatus> statuses;

    Libraries(List<NativeBundleStatus> statuses) {
        this.statuses = List.copyOf(statuses);
    }

    /**
     * The one bundle {@code idOrName} names, in any state.
     *
     * @throws IllegalArgumentException when none or several match; several are listed by id
     */
    NativeBundleStatus one(String idOrName) {
        Optional<Long> id = id(idOrName);
        if (id.isPresent()) {
            return statuses.stream().filter(s -> s.bundleId() == id.get()).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("bundle " + id.get()
                            + " is not a native bundle; native bundles: " + describe(statuses)));
        }
        List<NativeBundleStatus> matches = matching(idOrName);
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("no native bundle is named '" + idOrName + "'; "
                    + (statuses.isEmpty() ? "none is installed" : "native bundles: " + describe(statuses)));
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("'" + idOrName + "' names " + matches.size() + " native bundles: "
                    + describe(matches) + "; give the bundle id, e.g. native:info " + matches.get(0).bundleId());
        }
        return matches.get(0);
    }

    /**
     * The loaded library {@code name} names (library name, namespace, symbolic name or bundle id).
     *
     * @throws IllegalArgumentException when none is loaded (saying why, if the bundle is there but
     *         refused, unresolved or stopped) or when several are loaded under that name
     */
    NativeLibrary active(String name) {
        List<NativeBundleStatus> matches = id(name)
                .map(id -> statuses.stream().filter(s -> s.bundleId() == id).collect(Collectors.toList()))
                .orElseGet(() -> matching(name));
        List<NativeBundleStatus> active = matches.stream().filter(s -> s.state() == State.ACTIVE && s.loaded().isPresent())
                .collect(Collectors.toList());
        if (active.size() == 1) {
            return active.get(0).loaded().get();
        }
        if (active.size() > 1) {
            throw new IllegalArgumentException("'" + name + "' names " + active.size() + " loaded libraries: "
                    + describe(active) + "; give the namespace or the bundle id");
        }
        if (!matches.isEmpty()) {
            throw new IllegalArgumentException("native library '" + name + "' is not loaded: " + describe(matches)
                    + "; see native:info " + matches.get(0).bundleId());
        }
        throw new IllegalArgumentException(unknownLibrary(name));
    }

    /** {@code no native library 'x' is loaded; loaded: math, greeter}. */
    String unknownLibrary(String name) {
        List<String> loaded = loadedNames();
        return "no native library '" + name + "' is loaded; "
                + (loaded.isEmpty() ? "no library is loaded" : "loaded: " + String.join(", ", loaded));
    }

    /** The names of the loaded libraries, in bundle order, each once. */
    List<String> loadedNames() {
        return statuses.stream().filter(s -> s.state() == State.ACTIVE).map(NativeBundleStatus::library)
                .distinct().collect(Collectors.toList());
    }

    private List<NativeBundleStatus> matching(String name) {
        return statuses.stream().filter(s -> s.library().equals(name) || s.symbolicName().equals(name)
                || s.loaded().map(l -> l.namespace().equals(name)).orElse(false))
                .collect(Collectors.toList());
    }

    private static Optional<Long> id(String text) {
        if (text.isEmpty() || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code 12 math ACTIVE, 14 math REFUSED (DIGEST_MISMATCH)}. */
    private static String describe(List<NativeBundleStatus> list) {
        return list.stream().map(s -> s.bundleId() + " " + s.library() + " "
                + s.loaded().map(l -> l.namespace() + " ").orElse("")
                + s.state() + s.reason().map(r -> " (" + r + ")").orElse(""))
                .collect(Collectors.joining(", "));
    }
}
