package io.nativebundle.loader.internal.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.binary.ElfFile;
import io.nativebundle.binary.ElfFormatException;
import io.nativebundle.binary.ElfReader;
import io.nativebundle.binary.ElfType;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.host.RuntimeHost;

/**
 * Runs the binary checks on the files of one selected {@code Bundle-NativeCode} clause: first
 * {@code MALFORMED_BINARY} (each file must be a well-formed ELF shared object), then machine,
 * libc, glibc, symbols, build note and dependencies. The loader stops at the first failure; the
 * verifier reports every check. Both run exactly these classes, so they never disagree.
 */
final class BinaryVerifier {

    static final String ELF = "elf";

    private static final List<BinaryCheck> CHECKS = List.of(new MachineCheck(), new LibcCheck(), new GlibcCheck(),
            new SymbolCheck(), new BuildNoteCheck(), new DependencyCheck());

    private BinaryVerifier() {
    }

    /**
     * What a load that passed every binary check learned.
     *
     * @param checks       the checks that ran and passed, in order, each with what it checked
     * @param dependencies the {@code DT_NEEDED} libraries of the library to open, each with where it
     *                     was found, e.g. {@code libc.so.6 (system: /lib/x86_64-linux-gnu/libc.so.6)}
     */
    record Passed(List<CheckResult> checks, List<String> dependencies) {

        Passed {
            checks = List.copyOf(checks);
            dependencies = List.copyOf(dependencies);
        }
    }

    /**
     * @return the checks, all passed, and the located dependencies of the library to open first
     * @throws LoadRefusal for the first check that fails
     */
    static Passed verify(RuntimeHost host, BundleDeclaration declaration, String platform,
            List<String> entries, List<Path> files) throws LoadRefusal {
        return verify(host, declaration, platform, entries, files, false);
    }

    /** @param system whether the library comes from the host, which skips the build note */
    static Passed verify(RuntimeHost host, BundleDeclaration declaration, String platform,
            List<String> entries, List<Path> files, boolean system) throws LoadRefusal {
        CheckSubject subject = new CheckSubject(host, declaration, platform, read(declaration, entries, files), system);
        List<CheckResult> passed = new ArrayList<>();
        passed.add(elfPassed(subject));
        for (BinaryCheck check : CHECKS) {
            passed.add(CheckResult.pass(check.name(), check.check(subject)));
        }
        // the dependencies check above has located them all, so this cannot refuse
        return new Passed(passed, DependencyCheck.located(subject, subject.main()));
    }

    private static CheckResult elfPassed(CheckSubject subject) {
        StringJoiner shapes = new StringJoiner(", ");
        subject.libraries().forEach(l -> shapes.add(l.entry() + ": " + l.elf().elfClass() + " " + l.elf().type()));
        return CheckResult.pass(ELF, "well-formed ELF shared objects: " + shapes);
    }

    /** @return one result per check; only the {@code elf} result when the files cannot be read as ELF */
    static List<CheckResult> report(RuntimeHost host, BundleDeclaration declaration, String platform,
            List<String> entries, List<Path> files) {
        return report(host, declaration, platform, entries, files, false);
    }

    /** @param system whether the library comes from the host, which skips the build note */
    static List<CheckResult> report(RuntimeHost host, BundleDeclaration declaration, String platform,
            List<String> entries, List<Path> files, boolean system) {
        List<CheckResult> results = new ArrayList<>();
        CheckSubject subject;
        try {
            subject = new CheckSubject(host, declaration, platform, read(declaration, entries, files), system);
        } catch (LoadRefusal refusal) {
            results.add(CheckResult.fail(ELF, refusal.reason(), refusal.getMessage()));
            return results;
        }
        results.add(elfPassed(subject));
        for (BinaryCheck check : CHECKS) {
            try {
                results.add(CheckResult.pass(check.name(), check.check(subject)));
            } catch (LoadRefusal refusal) {
                results.add(CheckResult.fail(check.name(), refusal.reason(), refusal.getMessage()));
            } catch (RuntimeException e) {
                results.add(CheckResult.fail(check.name(), RefusalReason.LOAD_FAILED, "the check failed unexpectedly: " + e));
            }
        }
        return results;
    }

    /** Reads every file; {@code MALFORMED_BINARY} for one that is no well-formed ELF shared object. */
    private static List<BundleLibrary> read(BundleDeclaration declaration, List<String> entries, List<Path> files)
            throws LoadRefusal {
        if (entries.size() != files.size() || files.isEmpty()) {
            throw new IllegalArgumentException("entries " + entries + " and files " + files + " must pair up");
        }
        List<BundleLibrary> libraries = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String entry = entries.get(i);
            Path file = files.get(i);
            String name = entry + " of " + declaration.bundle();
            ElfFile elf;
            try {
                // named by its entry, so the reader's messages point into the bundle, not at a copy
                if (Files.size(file) > ElfReader.MAX_FILE_SIZE) {
                    throw new LoadRefusal(RefusalReason.MALFORMED_BINARY, name + " is " + Files.size(file)
                            + " bytes; a native library of at most " + ElfReader.MAX_FILE_SIZE + " bytes was expected");
                }
                elf = ElfReader.read(Files.readAllBytes(file), entry);
            } catch (ElfFormatException e) {
                throw new LoadRefusal(RefusalReason.MALFORMED_BINARY, name + " is not a well-formed ELF file: "
                        + e.getMessage(), e);
            } catch (IOException e) {
                throw new LoadRefusal(RefusalReason.MALFORMED_BINARY, name + " cannot be read at " + file + ": " + e, e);
            }
            if (elf.type() != ElfType.DYN) {
                throw new LoadRefusal(RefusalReason.MALFORMED_BINARY, name + " is an ELF file of type " + elf.type()
                        + "; expected a shared object (ET_DYN), linked with -shared");
            }
            libraries.add(new BundleLibrary(entry, file, elf));
        }
        return libraries;
    }
}
