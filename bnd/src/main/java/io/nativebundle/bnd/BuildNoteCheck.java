package io.nativebundle.bnd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import aQute.bnd.version.Version;
import aQute.service.reporter.Reporter;
import io.nativebundle.binary.BuildNote;
import io.nativebundle.contract.Headers;
import io.nativebundle.contract.LibraryDeclaration;
import io.nativebundle.contract.OsgiVersion;

/**
 * Checks the build note of each platform's main library against {@code NativeBundle-Library} and
 * derives the ABI version the bundle requires: the note is what the binary says about itself, so
 * the manifest can only repeat it, never contradict it. A library without a note passes only when
 * the author declared it prebuilt ({@link PrebuiltDeclaration}); its ABI is then the declared one.
 */
final class BuildNoteCheck {

    private final Reporter reporter;
    private final LibraryDeclaration library;
    private final Optional<PrebuiltDeclaration> prebuilt;

    BuildNoteCheck(Reporter reporter, LibraryDeclaration library, Optional<PrebuiltDeclaration> prebuilt) {
        this.reporter = reporter;
        this.library = library;
        this.prebuilt = prebuilt;
    }

    /** The ABI version all platforms agree on, or empty after reporting why there is none. */
    Optional<Version> check(List<PlatformBinaries> platforms) {
        Map<Version, List<String>> abis = new TreeMap<>();
        for (PlatformBinaries platform : platforms) {
            if (!platform.checkable()) {
                continue;
            }
            NativeFile main = platform.main();
            Optional<BuildNote> note = platform.elf(main).orElseThrow().buildNote();
            if (note.isEmpty() && prebuilt.isPresent()) {
                abis.computeIfAbsent(prebuilt.get().abi(), v -> new ArrayList<>())
                    .add(main.path() + " (" + platform.platform() + ", " + PrebuiltDeclaration.HEADER + ")");
                continue;
            }
            if (note.isEmpty()) {
                reporter.error("NativeBundle-Library: %s (%s) has no nativebundle build note; add "
                    + "NATIVEBUNDLE_LIBRARY(\"%s\", \"%s\", \"<abi version>\") from nativebundle.h to one of its "
                    + "C files, or, for a library another toolchain built, declare the ABI it targets in bnd.bnd: "
                    + "%s: <toolchain>;abi=<abi version>",
                    main.path(), platform.platform(), library.name(), library.version(), PrebuiltDeclaration.HEADER)
                    .header(Headers.LIBRARY);
                continue;
            }
            compare(main, "library name", library.name(), note.get().library(), library.name()
                .equals(note.get().library()));
            compare(main, "version", library.version().toString(), note.get().version(),
                OsgiVersion.parse(note.get().version()).filter(library.version()::equals).isPresent());
            if (!Version.isVersion(note.get().abi())) {
                reporter.error("NativeBundle-Library: %s (%s): the build note's ABI version '%s' is not a version "
                    + "like 1.0.0", main.path(), platform.platform(), note.get().abi());
                continue;
            }
            Version abi = Version.parseVersion(note.get().abi());
            if (prebuilt.isPresent() && !prebuilt.get().abi().equals(abi)) {
                reporter.error("%s: %s (%s) has a build note for ABI %s, but abi=%s is declared", PrebuiltDeclaration.HEADER,
                    main.path(), platform.platform(), abi, prebuilt.get().abi()).header(PrebuiltDeclaration.HEADER);
            }
            abis.computeIfAbsent(abi, v -> new ArrayList<>()).add(main.path() + " (" + platform.platform() + ")");
        }
        if (abis.size() > 1) {
            reporter.error("NativeBundle-Library: the platforms disagree on the ABI version, so no single ABI "
                + "requirement fits: %s", abis.entrySet().stream()
                    .map(e -> e.getKey() + " in " + String.join(", ", e.getValue()))
                    .collect(Collectors.joining("; ")));
            return Optional.empty();
        }
        return abis.keySet().stream().findFirst();
    }

    private void compare(NativeFile main, String what, String expected, String found, boolean equal) {
        if (!equal) {
            reporter.error("NativeBundle-Library: %s (%s): the build note's %s does not match the header: expected "
                + "'%s' (NativeBundle-Library), found '%s' (NATIVEBUNDLE_LIBRARY in the C sources)", main.path(),
                main.platform(), what, expected, found).header(Headers.LIBRARY);
        }
    }
}
