package io.nativebundle.loader.internal.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.contract.LockFile;
import io.nativebundle.contract.Sha256;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.stage.StagedLibrary;

/**
 * The {@code lock} check: with {@code io.nativebundle.lockfile} set, every native file of a library
 * (the staged copies, or the host file of a system library) must be locked in that file for the
 * library's tenant, by its SHA-256. The file is read again when it changes, so an operator who
 * adds a line needs no restart. A lock file that is missing or does not parse refuses every
 * library, naming the problem: a pin that cannot be read pins nothing.
 */
public final class LockCheck {

    /** The check's name, as {@code native:info} shows it. */
    public static final String NAME = "lock";

    private record Read(Path file, long size, long modified, List<LockFile.Line> lines) {
    }

    private final Supplier<Optional<Path>> lockFile;
    private volatile Read read;

    /** @param lockFile the value of {@code io.nativebundle.lockfile}, read at each load */
    public LockCheck(Supplier<Optional<Path>> lockFile) {
        this.lockFile = lockFile;
    }

    /** The SHA-256 of each staged file, by its entry (a system library: its {@code system=} name). */
    public static Map<String, String> digests(StagedLibrary staged) throws IOException {
        Map<String, String> digests = new LinkedHashMap<>();
        for (int i = 0; i < staged.entries().size(); i++) {
            digests.put(staged.entries().get(i), Sha256.of(staged.files().get(i)));
        }
        return digests;
    }

    /**
     * @param digests the files to check, from {@link #digests}
     * @return the passed check; empty when no lock file is set
     * @throws LoadRefusal {@code NOT_LOCKED} naming the first digest not locked for the tenant
     */
    public Optional<CheckResult> check(String tenant, String library, String version, Map<String, String> digests)
            throws LoadRefusal {
        Optional<Path> file = lockFile.get();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        List<LockFile.Line> lines = lines(file.get());
        for (Map.Entry<String, String> digest : digests.entrySet()) {
            boolean locked = lines.stream().anyMatch(l -> l.tenant().equals(tenant) && l.sha256().equals(digest.getValue()));
            if (!locked) {
                List<String> same = lines.stream().filter(l -> l.tenant().equals(tenant) && l.library().equals(library))
                        .map(LockFile.Line::format).toList();
                throw new LoadRefusal(RefusalReason.NOT_LOCKED, "sha256 " + digest.getValue() + " of " + digest.getKey()
                        + " (library " + library + " " + version + " of tenant '" + tenant + "') is not locked in "
                        + file.get() + " (" + NativeBundleConstants.LOCKFILE_PROPERTY + "); it locks for tenant '"
                        + tenant + "' and library " + library + ": " + (same.isEmpty() ? "nothing" : String.join(", ", same))
                        + ". If this file is meant to run, add the line: " + new LockFile.Line(tenant, library, version,
                        digest.getKey(), digest.getValue()).format());
            }
        }
        return Optional.of(CheckResult.pass(NAME, digests.size() + " file(s) locked for tenant '" + tenant + "' in "
                + file.get() + ": " + digests.keySet().stream().collect(Collectors.joining(", "))));
    }

    private List<LockFile.Line> lines(Path file) throws LoadRefusal {
        try {
            long size = Files.size(file);
            long modified = Files.getLastModifiedTime(file).toMillis();
            Read cached = read;
            if (cached != null && cached.file().equals(file) && cached.size() == size && cached.modified() == modified) {
                return cached.lines();
            }
            List<LockFile.Line> lines = LockFile.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            read = new Read(file, size, modified, lines);
            return lines;
        } catch (IOException e) {
            throw new LoadRefusal(RefusalReason.NOT_LOCKED, "the lock file " + file + " ("
                    + NativeBundleConstants.LOCKFILE_PROPERTY + ") cannot be read: " + e
                    + "; write it with native:lock <file>, or unset the property");
        } catch (IllegalArgumentException e) {
            throw new LoadRefusal(RefusalReason.NOT_LOCKED, "the lock file does not parse, so it locks nothing: "
                    + e.getMessage());
        }
    }
}
