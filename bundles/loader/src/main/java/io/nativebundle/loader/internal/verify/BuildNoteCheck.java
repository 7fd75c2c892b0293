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
import io.nativebundle.contract.PrebuiltHeader;
import io.nativebundle.loader.internal.LoadRefusal;

/**
 * {@code BUILD_NOTE_MISMATCH}: the {@code .note.nativebundle} note of the library to open names
 * the library and version of {@code NativeBundle-Library}, and its ABI version is one this
 * runtime serves ({@link Abi#accepts}: {@code [abi, abi.major + 1)}, the range the bnd plugin
 * requires) and one the bundle's own {@code io.nativebundle.abi} requirement accepts. A manifest
 * edited by hand or a binary swapped after the build shows up here. A system library has no note:
 * the check passes and says it was skipped. So does a bundle whose library was built elsewhere and
 * has no note: a vendor's {@code .so} wrapped from a descriptor ({@code NativeBundle-Wrapped}), or a
 * library of another toolchain ({@code NativeBundle-Prebuilt: cargo;abi=1.0.0}), whose declared ABI
 * is then held to the same rules as a note's. A library built elsewhere that has a note is checked
 * like any other, and a note must agree with a declared {@code abi}.
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
        Optional<PrebuiltHeader> prebuilt = declared.prebuilt();
        if (declared.wrapped() && main.elf().buildNote().isEmpty()) {
            String skipped = "skipped: " + main.fileName() + " was built elsewhere ("
                    + prebuilt.map(p -> NativeBundleConstants.HEADER_PREBUILT + ": " + p.toHeader())
                            .orElse(NativeBundleConstants.HEADER_WRAPPED)
                    + ") and carries no " + BuildNote.SECTION_NAME + " build note; NativeBundle-Digest pins the binary";
            if (prebuilt.isEmpty()) {
                return skipped;
            }
            Version abi = osgi(prebuilt.get().abi());
            return skipped + "; declared for ABI " + abi + "; " + abiFits(subject, file, abi,
                    NativeBundleConstants.HEADER_PREBUILT);
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
        if (prebuilt.isPresent() && !abi.equals(osgi(prebuilt.get().abi()))) {
            throw refusal(file + " has a build note for ABI " + abi + ", but " + NativeBundleConstants.HEADER_PREBUILT
                    + ": " + prebuilt.get().toHeader() + " declares abi=" + prebuilt.get().abi());
        }
        return main.fileName() + " is " + note.library() + " " + note.version() + " for ABI " + abi
                + " as NativeBundle-Library declares; " + abiFits(subject, file, abi, "build note");
    }

    /**
     * The ABI a library was built for, read from {@code source}, fits this runtime and the bundle's
     * own requirement.
     *
     * @return what was checked, for the report
     */
    private static String abiFits(CheckSubject subject, String file, Version abi, String source) throws LoadRefusal {
        Optional<String> filter = subject.declaration().abiFilter();
        if (filter.isPresent() && !accepts(filter.get(), abi)) {
            throw refusal(file + " is built for nativebundle ABI " + abi + " (" + source + ") but the bundle's"
                    + " Require-Capability " + NativeBundleConstants.ABI_NAMESPACE + ";filter:=\"" + filter.get()
                    + "\" does not accept it; rebuild the bundle so the bnd plugin writes the requirement from the "
                    + source);
        }
        Optional<Version> runtime = subject.host().abi();
        if (runtime.isPresent() && !Abi.accepts(runtime.get().toString(), abi.toString())) {
            throw refusal(file + " is built for nativebundle ABI " + abi + " (" + source + "), which needs a runtime ABI"
                    + " in [" + abi + ", " + Abi.ceiling(contractVersion(abi)) + "), but this runtime provides "
                    + NativeBundleConstants.ABI_NAMESPACE + " " + runtime.get());
        }
        return "runtime ABI " + runtime.map(Version::toString).orElse("not declared")
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

    private static Version osgi(OsgiVersion v) {
        return new Version(v.major(), v.minor(), v.micro(), v.qualifier());
    }

    private static OsgiVersion contractVersion(Version v) {
        return new OsgiVersion(v.getMajor(), v.getMinor(), v.getMicro(), v.getQualifier());
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
