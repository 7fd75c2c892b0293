package io.nativebundle.loader.internal.verify;

import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.Version;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.binary.BuildNote;
import io.nativebundle.contract.Abi;
import io.nativebundle.contract.OsgiVersion;
import io.nativebundle.loader.internal.LoadRefusal;

/**
 * {@code BUILD_NOTE_MISMATCH}: the {@code .note.nativebundle} note of the library to open names
 * the library and version of {@code NativeBundle-Library}, and its ABI version is one this
 * runtime serves ({@link Abi#accepts}: {@code [abi, abi.major + 1)}, the range the bnd plugin requires) and one the
 * bundle's own {@code io.nativebundle.abi} requirement accepts. A manifest edited by hand or a
 * binary swapped after the build shows up here. A system library has no note: the check passes
 * and says it was skipped. So does a wrapped bundle ({@code NativeBundle-Wrapped}) whose library
 * has no note: a vendor's {@code .so} was not built with {@code nativebundle.h}, and the wrapper
 * wrote the manifest and the digest from that very file. A wrapped library that has a note is
 * checked like any other.
 */
final class BuildNoteCheck implements BinaryCheck {

    @Override
    public String name() {
        return "build-note";
    }

    @Override
    public String check(CheckSubject subject) throws LoadRefusal {
        if (subject.system()) {
            // a host library was not built with nativebundle.h; its version is checked against the range instead
            return "skipped: " + subject.main().fileName() + " is a system library, which carries no "
                    + BuildNote.SECTION_NAME + " build note; its version is checked against the declared range";
        }
        BundleLibrary main = subject.main();
        BundleDeclaration declared = subject.declaration();
        String file = subject.name(main);
        if (declared.wrapped() && main.elf().buildNote().isEmpty()) {
            return "skipped: " + main.fileName() + " was built elsewhere (" + NativeBundleConstants.HEADER_WRAPPED + " or "
                    + NativeBundleConstants.HEADER_PREBUILT + ") and carries no " + BuildNote.SECTION_NAME
                    + " build note; NativeBundle-Digest pins the binary";
        }
        BuildNote note = main.elf().buildNote().orElseThrow(() -> refusal(file + " has no "
                + BuildNote.SECTION_NAME + " build note; compile it with NATIVEBUNDLE_LIBRARY(\"" + declared.library()
                + "\", \"" + declared.version() + "\", \"<abi>\") from nativebundle.h"));
        if (!note.library().equals(declared.library())) {
            throw refusal(file + " is built as library '" + note.library() + "' (build note) but NativeBundle-Library"
                    + " declares '" + declared.library() + "'");
        }
        if (!sameVersion(note.version(), declared.version())) {
            throw refusal(file + " is built as " + note.library() + " version " + note.version() + " (build note) but"
                    + " NativeBundle-Library declares version " + declared.version());
        }
        Version abi = version(note.abi()).orElseThrow(() -> refusal(file + " has ABI version '" + note.abi()
                + "' in its build note; expected major.minor.micro, e.g. 1.0.0"));
        Optional<String> filter = declared.abiFilter();
        if (filter.isPresent() && !accepts(filter.get(), abi)) {
            throw refusal(file + " is built for nativebundle ABI " + abi + " (build note) but the bundle's"
                    + " Require-Capability " + NativeBundleConstants.ABI_NAMESPACE + ";filter:=\"" + filter.get()
                    + "\" does not accept it; rebuild the bundle so the bnd plugin writes the requirement from the note");
        }
        Optional<Version> runtime = subject.host().abi();
        if (runtime.isPresent() && !Abi.accepts(runtime.get().toString(), abi.toString())) {
            OsgiVersion built = new OsgiVersion(abi.getMajor(), abi.getMinor(), abi.getMicro(), abi.getQualifier());
            throw refusal(file + " is built for nativebundle ABI " + abi + " (build note), which needs a runtime ABI in ["
                    + abi + ", " + Abi.ceiling(built) + "), but this runtime provides " + NativeBundleConstants.ABI_NAMESPACE
                    + " " + runtime.get());
        }
        return main.fileName() + " is " + note.library() + " " + note.version() + " for ABI " + abi
                + " as NativeBundle-Library declares; runtime ABI " + runtime.map(Version::toString).orElse("not declared")
                + filter.map(f -> "; requirement " + f + " accepts it").orElse("");
    }

    private static boolean sameVersion(String built, String declared) {
        Optional<Version> a = version(built);
        Optional<Version> b = version(declared);
        return a.isPresent() && b.isPresent() ? a.get().equals(b.get()) : built.equals(declared);
    }

    private static Optional<Version> version(String text) {
        try {
            return Optional.of(Version.parseVersion(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean accepts(String filter, Version abi) throws LoadRefusal {
        try {
            Filter f = FrameworkUtil.createFilter(filter);
            return f.matches(Map.of(NativeBundleConstants.ABI_NAMESPACE, abi));
        } catch (InvalidSyntaxException e) {
            throw new LoadRefusal(RefusalReason.MALFORMED_HEADER, "Require-Capability: the "
                    + NativeBundleConstants.ABI_NAMESPACE + " filter " + filter + " is invalid: " + e.getMessage());
        }
    }

    private static LoadRefusal refusal(String message) {
        return new LoadRefusal(RefusalReason.BUILD_NOTE_MISMATCH, message);
    }
}
