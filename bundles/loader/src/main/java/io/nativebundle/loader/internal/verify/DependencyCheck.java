package io.nativebundle.loader.internal.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Collectors;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.binary.ElfFile;
import io.nativebundle.loader.internal.LoadRefusal;

/**
 * {@code DEPENDENCY_MISSING}: every {@code DT_NEEDED} library of every file is either a file of
 * the same {@code Bundle-NativeCode} clause or on the system's default search path; never through
 * {@code LD_LIBRARY_PATH}.
 *
 * <p>A same-bundle dependency must also be findable the way the loader opens it: the loader
 * opens the dependencies first, by absolute path, and the dynamic linker then matches the
 * {@code DT_NEEDED} name against their {@code DT_SONAME}. A dependency without that soname is
 * found only if the needing file has {@code $ORIGIN} in its {@code RUNPATH}/{@code RPATH} (the
 * files sit side by side in the cache folder).
 */
final class DependencyCheck implements BinaryCheck {

    @Override
    public String name() {
        return "dependencies";
    }

    @Override
    public String check(CheckSubject subject) throws LoadRefusal {
        StringJoiner checked = new StringJoiner("; ");
        for (BundleLibrary library : subject.libraries()) {
            List<String> found = located(subject, library);
            checked.add(library.fileName() + (found.isEmpty() ? " needs nothing" : " needs " + String.join(", ", found)));
        }
        return checked.toString();
    }

    /**
     * @return each {@code DT_NEEDED} library of {@code library} with where it is found, e.g.
     *         {@code libc.so.6 (system: /lib/x86_64-linux-gnu/libc.so.6)}
     * @throws LoadRefusal {@code DEPENDENCY_MISSING} as {@link #check} does
     */
    static List<String> located(CheckSubject subject, BundleLibrary library) throws LoadRefusal {
        List<String> found = new ArrayList<>();
        for (String needed : library.elf().needed()) {
            found.add(needed + " (" + locate(subject, library, needed) + ")");
        }
        return found;
    }

    private static String locate(CheckSubject subject, BundleLibrary library, String needed) throws LoadRefusal {
        Optional<BundleLibrary> inBundle = subject.libraries().stream()
                .filter(l -> l != library && (l.fileName().equals(needed) || l.elf().soname().filter(needed::equals).isPresent()))
                .findFirst();
        if (inBundle.isPresent()) {
            BundleLibrary dependency = inBundle.get();
            boolean bySoname = dependency.elf().soname().filter(needed::equals).isPresent();
            if (!bySoname && !hasOrigin(library.elf())) {
                throw new LoadRefusal(RefusalReason.DEPENDENCY_MISSING, subject.name(library) + " needs " + needed
                        + " (DT_NEEDED), which the bundle ships as " + dependency.entry() + ", but that file's soname is "
                        + dependency.elf().soname().map(s -> "'" + s + "'").orElse("missing") + ", so the dynamic linker"
                        + " will not match it to the one the loader opened first; link it with -Wl,-soname," + needed
                        + " or link " + library.fileName() + " with -Wl,-rpath,'$ORIGIN'");
            }
            return "bundle: " + dependency.entry();
        }
        Optional<Path> system = subject.host().libraries().find(needed);
        if (system.isPresent()) {
            return "system: " + system.get();
        }
        String clause = subject.libraries().stream().map(BundleLibrary::entry).collect(Collectors.joining(", "));
        throw new LoadRefusal(RefusalReason.DEPENDENCY_MISSING, subject.name(library) + " needs " + needed
                + " (DT_NEEDED), which is neither in the bundle's Bundle-NativeCode clause for " + subject.platform()
                + " [" + clause + "] nor on the system search path " + describe(subject.host().libraries().directories())
                + " as a library for " + subject.host().machine().describe() + " (LD_LIBRARY_PATH is not used); ship "
                + needed + " in the same folder and clause, or install it on the host");
    }

    private static boolean hasOrigin(ElfFile elf) {
        return elf.runpath().stream().anyMatch(DependencyCheck::isOrigin)
                || elf.runpath().isEmpty() && elf.rpath().stream().anyMatch(DependencyCheck::isOrigin);
    }

    private static boolean isOrigin(String entry) {
        return entry.equals("$ORIGIN") || entry.equals("${ORIGIN}") || entry.equals("$ORIGIN/") || entry.equals("${ORIGIN}/");
    }

    private static String describe(List<Path> directories) {
        return directories.stream().map(Path::toString).collect(Collectors.joining(":", "[", "]"));
    }
}
