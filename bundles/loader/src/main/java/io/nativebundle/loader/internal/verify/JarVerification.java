package io.nativebundle.loader.internal.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.contract.DigestHeader;
import io.nativebundle.contract.LibraryDeclaration;
import io.nativebundle.contract.MalformedHeaderException;
import io.nativebundle.contract.PrebuiltHeader;
import io.nativebundle.loader.internal.LoadRefusal;
import io.nativebundle.loader.internal.host.RuntimeHost;
import io.nativebundle.loader.internal.manifest.BundleManifest;
import io.nativebundle.loader.internal.manifest.NativeCodeSelection;
import io.nativebundle.loader.internal.manifest.NativeCodeSelector;
import io.nativebundle.loader.internal.manifest.PathSafety;
import io.nativebundle.loader.internal.manifest.RequirementFilter;

/**
 * One run of {@link JarVerifier} over one jar, in the order the framework and the loader meet
 * the problems: {@code manifest}, {@code abi}, {@code paths}, {@code platform}, {@code digest},
 * then the binary checks ({@code elf}, {@code machine}, {@code libc}, {@code glibc},
 * {@code symbols}, {@code build-note}, {@code dependencies}) on the selected clause. A system
 * library ({@code system=}) has no clause: after {@code paths} come {@code locate}, {@code digest}
 * (the allow-list), the binary checks on the host file and {@code version}. A check whose
 * input is missing because an earlier one failed is left out rather than reported twice.
 */
final class JarVerification {

    private static final String NATIVE = "native/";

    private final Path path;
    private final JarFile jar;
    private final NativeCodeSelector selector;
    private final RuntimeHost host;
    private final Path temp;
    private final List<CheckResult> results = new ArrayList<>();
    private Attributes headers;
    private LibraryDeclaration library;

    JarVerification(Path path, JarFile jar, NativeCodeSelector selector, RuntimeHost host, Path temp) {
        this.path = path;
        this.jar = jar;
        this.selector = selector;
        this.host = host;
        this.temp = temp;
    }

    List<CheckResult> run() throws IOException {
        Optional<BundleDeclaration> declaration = manifest();
        if (declaration.isEmpty()) {
            return results;
        }
        abi(declaration.get().abiFilter());
        paths();
        if (library.isSystem()) {
            // a host library: no Bundle-NativeCode, no NativeBundle-Digest; the host file is checked in place
            results.addAll(HostLibraryChecks.report(library, declaration.get(), host));
            return results;
        }
        Optional<NativeCodeSelection> selection = platform();
        digests();
        if (selection.isPresent()) {
            List<Path> files = new ArrayList<>();
            Path folder = Files.createDirectories(temp.resolve("selected"));
            for (String entry : selection.get().entries()) {
                files.add(extract(entry, folder));
            }
            results.addAll(BinaryVerifier.report(host, declaration.get(), selection.get().platform(),
                    selection.get().entries(), files));
        }
        return results;
    }

    private Optional<BundleDeclaration> manifest() throws IOException {
        Manifest manifest = jar.getManifest();
        if (manifest == null) {
            fail("manifest", RefusalReason.MALFORMED_HEADER, path + " has no " + JarFile.MANIFEST_NAME);
            return Optional.empty();
        }
        headers = manifest.getMainAttributes();
        String libraryHeader = header(NativeBundleConstants.HEADER_LIBRARY);
        if (libraryHeader == null) {
            fail("manifest", RefusalReason.MALFORMED_HEADER, path + " is not a native bundle: it has no "
                    + NativeBundleConstants.HEADER_LIBRARY + " header");
            return Optional.empty();
        }
        String bundle = path.getFileName() + " (" + header(Constants.BUNDLE_SYMBOLICNAME) + " "
                + Optional.ofNullable(header(Constants.BUNDLE_VERSION)).orElse("0.0.0") + ")";
        try {
            library = BundleManifest.library(bundle, libraryHeader);
            List<String> symbols = BundleManifest.symbols(header(NativeBundleConstants.HEADER_SYMBOLS)).stream()
                    .map(NativeSymbol::name).toList();
            int digested = DigestHeader.parse(header(NativeBundleConstants.HEADER_DIGEST)).size();
            Optional<PrebuiltHeader> prebuilt = PrebuiltHeader.parse(header(NativeBundleConstants.HEADER_PREBUILT));
            Optional<String> abiFilter = RequirementFilter.of(header(Constants.REQUIRE_CAPABILITY),
                    NativeBundleConstants.ABI_NAMESPACE);
            results.add(CheckResult.pass("manifest", bundle + ": library " + library.name() + " " + library.version()
                    + (library.isSystem() ? " from the host" : "") + ", " + symbols.size() + " declared symbol(s), "
                    + digested + " digest(s)"));
            return Optional.of(new BundleDeclaration(bundle, library.name(), library.version().toString(), symbols,
                    abiFilter, header(NativeBundleConstants.HEADER_WRAPPED) != null || prebuilt.isPresent(), prebuilt));
        } catch (MalformedHeaderException e) {
            fail("manifest", LoadRefusal.malformedHeader(e));
            return Optional.empty();
        } catch (LoadRefusal refusal) {
            fail("manifest", refusal);
            return Optional.empty();
        }
    }

    /** The framework's part: a bundle outside this runtime's ABI does not resolve; that has no loader reason. */
    private void abi(Optional<String> filter) {
        String runtime = host.abi().map(v -> NativeBundleConstants.ABI_NAMESPACE + " " + v)
                .orElse("no " + NativeBundleConstants.ABI_NAMESPACE + " capability");
        if (filter.isEmpty()) {
            results.add(CheckResult.pass("abi", "the bundle requires no " + NativeBundleConstants.ABI_NAMESPACE
                    + "; this runtime provides " + runtime));
            return;
        }
        boolean met;
        try {
            Filter f = FrameworkUtil.createFilter(filter.get());
            met = host.abi().isPresent() && f.matches(Map.of(NativeBundleConstants.ABI_NAMESPACE, host.abi().get()));
        } catch (InvalidSyntaxException e) {
            fail("abi", RefusalReason.MALFORMED_HEADER, "Require-Capability: " + NativeBundleConstants.ABI_NAMESPACE
                    + " filter " + filter.get() + " is invalid: " + e.getMessage());
            return;
        }
        if (met) {
            results.add(CheckResult.pass("abi", "requirement " + filter.get() + " is met: this runtime provides " + runtime));
        } else {
            results.add(new CheckResult("abi", false, Optional.empty(), "UNRESOLVED: the framework will not resolve the"
                    + " bundle: missing requirement " + NativeBundleConstants.ABI_NAMESPACE + " " + filter.get()
                    + "; this runtime provides " + runtime + "; rebuild the plugin against this runtime's nativebundle.h"));
        }
    }

    /** {@code UNSAFE_PATH}: every Bundle-NativeCode path and native entry stays in the bundle; no entry is a link. */
    private void paths() throws IOException {
        try {
            List<String> declared = NativeCodeSelector.declaredPaths(header(Constants.BUNDLE_NATIVECODE));
            for (String p : declared) {
                PathSafety.check(p);
            }
            int entries = 0;
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith("/") || name.startsWith(NATIVE) || name.contains("\\")) {
                    PathSafety.check(entry.isDirectory() ? name.substring(0, name.length() - 1) : name);
                    entries++;
                }
            }
            List<String> links = ZipLinks.in(path);
            if (!links.isEmpty()) {
                throw new LoadRefusal(RefusalReason.UNSAFE_PATH, "jar entry '" + links.get(0) + "' of " + path
                        + " is a symbolic link (Unix mode S_IFLNK in its zip attributes)" + (links.size() > 1
                        ? " as are " + links.subList(1, links.size()) : "") + "; a link can point outside the bundle,"
                        + " so native files must be regular entries (zip without -y)");
            }
            results.add(CheckResult.pass("paths", declared.size() + " Bundle-NativeCode path(s) and " + entries
                    + " native entr" + (entries == 1 ? "y are" : "ies are") + " relative without '..'; no entry is a link"));
        } catch (LoadRefusal refusal) {
            fail("paths", refusal);
        }
    }

    /** The clause the loader would select ({@code NO_NATIVE_CODE} when none fits, or its file is missing). */
    private Optional<NativeCodeSelection> platform() {
        try {
            NativeCodeSelection selection = selector.select(header(Constants.BUNDLE_NATIVECODE));
            for (String entry : selection.entries()) {
                JarEntry e = jar.getJarEntry(entry);
                if (e == null || e.isDirectory()) {
                    throw new LoadRefusal(RefusalReason.NO_NATIVE_CODE, "entry '" + entry
                            + "' named by Bundle-NativeCode is missing from the bundle");
                }
            }
            results.add(CheckResult.pass("platform", "clause for " + selection.platform() + ": "
                    + String.join(", ", selection.entries())));
            return Optional.of(selection);
        } catch (LoadRefusal refusal) {
            fail("platform", refusal);
            return Optional.empty();
        }
    }

    /** {@code DIGEST_MISMATCH}: every native entry, of every platform, against NativeBundle-Digest. */
    private void digests() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (JarEntry entry : Collections.list(jar.entries())) {
            if (entry.getName().startsWith(NATIVE) && !entry.isDirectory()) {
                names.add(entry.getName());
            }
        }
        try {
            Map<String, String> table = DigestHeader.parse(header(NativeBundleConstants.HEADER_DIGEST));
            int i = 0;
            for (String name : names) {
                Path folder = Files.createDirectories(temp.resolve("digest").resolve(Integer.toString(i++)));
                DigestCheck.verify(table, name, extract(name, folder));
            }
            results.add(CheckResult.pass("digest", names.size() + " native file(s) match NativeBundle-Digest: "
                    + String.join(", ", names)));
        } catch (MalformedHeaderException e) {
            fail("digest", LoadRefusal.malformedHeader(e));
        } catch (LoadRefusal refusal) {
            fail("digest", refusal);
        }
    }

    /** Copies an entry into {@code folder} under its file name, as the loader's cache does. */
    private Path extract(String name, Path folder) throws IOException {
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        if (fileName.isEmpty() || fileName.equals(".") || fileName.equals("..")) {
            fileName = "entry";
        }
        Path target = folder.resolve(fileName);
        try (InputStream in = jar.getInputStream(jar.getJarEntry(name))) {
            Files.copy(in, target);
        }
        return target;
    }

    private String header(String name) {
        return headers.getValue(name);
    }

    private void fail(String check, LoadRefusal refusal) {
        fail(check, refusal.reason(), refusal.getMessage());
    }

    private void fail(String check, RefusalReason reason, String detail) {
        results.add(CheckResult.fail(check, reason, detail));
    }
}
