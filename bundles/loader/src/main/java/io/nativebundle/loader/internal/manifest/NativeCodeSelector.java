package io.nativebundle.loader.internal.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.contract.HeaderClause;
import io.nativebundle.contract.MalformedHeaderException;
import io.nativebundle.contract.ManifestHeader;
import io.nativebundle.loader.internal.LoadRefusal;

/**
 * Chooses the {@code Bundle-NativeCode} clause for this platform the way the framework does: each
 * clause becomes a filter over the system bundle's {@code osgi.native} capability, whose
 * attributes already carry the framework's OS and processor aliases. Asking the capability
 * instead of re-implementing the alias tables keeps the loader and the resolver in agreement.
 */
public final class NativeCodeSelector {

    private final Map<String, Object> nativeCapability;

    /** @param nativeCapability the attributes of the system bundle's {@code osgi.native} capability */
    public NativeCodeSelector(Map<String, Object> nativeCapability) {
        this.nativeCapability = nativeCapability;
    }

    /**
     * Returns the first clause that matches this platform.
     *
     * @throws LoadRefusal {@code NO_NATIVE_CODE} when none matches, {@code UNSAFE_PATH} for a path
     *                     that could leave the bundle, {@code MALFORMED_HEADER} when it does not parse
     */
    public NativeCodeSelection select(String header) throws LoadRefusal {
        if (header == null || header.isBlank()) {
            throw new LoadRefusal(RefusalReason.NO_NATIVE_CODE,
                    "the bundle has no Bundle-NativeCode header; expected a clause for " + describeHost());
        }
        List<HeaderClause> clauses;
        try {
            clauses = ManifestHeader.parse(Constants.BUNDLE_NATIVECODE, header);
        } catch (MalformedHeaderException e) {
            throw LoadRefusal.malformedHeader(e);
        }
        for (HeaderClause clause : clauses) {
            if (clause.paths().equals(List.of("*"))) {
                continue;
            }
            for (String path : clause.paths()) {
                PathSafety.check(path);
            }
            if (matches(clause)) {
                return new NativeCodeSelection(platformOf(clause), clause.paths());
            }
        }
        throw new LoadRefusal(RefusalReason.NO_NATIVE_CODE, "no Bundle-NativeCode clause matches this host ("
                + describeHost() + "); the bundle offers: " + header.replaceAll("\\s+", ""));
    }

    /**
     * The paths of every clause, without the optional {@code *}: what the bundle could load on
     * some platform, each of which must stay inside the bundle.
     *
     * @throws LoadRefusal {@code MALFORMED_HEADER} when the header does not parse
     */
    public static List<String> declaredPaths(String header) throws LoadRefusal {
        List<String> paths = new ArrayList<>();
        try {
            for (HeaderClause clause : ManifestHeader.parse(Constants.BUNDLE_NATIVECODE, header)) {
                clause.paths().stream().filter(p -> !p.equals("*")).forEach(paths::add);
            }
        } catch (MalformedHeaderException e) {
            throw LoadRefusal.malformedHeader(e);
        }
        return paths;
    }

    private boolean matches(HeaderClause clause) throws LoadRefusal {
        StringBuilder filter = new StringBuilder("(&");
        anyOf(filter, "osgi.native.osname", clause.attributes("osname"));
        anyOf(filter, "osgi.native.processor", clause.attributes("processor"));
        anyOf(filter, "osgi.native.language", clause.attributes("language"));
        clause.directive("selection-filter").or(() -> clause.attribute("selection-filter")).ifPresent(filter::append);
        filter.append(')');
        String text = filter.toString();
        if (text.equals("(&)")) {
            return true;
        }
        try {
            Filter f = FrameworkUtil.createFilter(text);
            return f.matches(nativeCapability);
        } catch (InvalidSyntaxException e) {
            throw new LoadRefusal(RefusalReason.MALFORMED_HEADER,
                    "Bundle-NativeCode: clause " + clause.paths() + " gives an invalid filter " + text + ": " + e.getMessage());
        }
    }

    private static void anyOf(StringBuilder filter, String key, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        filter.append("(|");
        for (String value : values) {
            filter.append('(').append(key).append("~=").append(escape(value)).append(')');
        }
        filter.append(')');
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }

    private static String platformOf(HeaderClause clause) {
        String os = clause.attribute("osname").orElse("any").toLowerCase(Locale.ROOT);
        String processor = clause.attribute("processor").orElse("any").toLowerCase(Locale.ROOT);
        return os.replace(' ', '_') + "-" + processor;
    }

    private String describeHost() {
        StringJoiner host = new StringJoiner(", ");
        host.add("osname=" + first("osgi.native.osname"));
        host.add("processor=" + first("osgi.native.processor"));
        return host.toString();
    }

    private String first(String key) {
        Object value = nativeCapability.get(key);
        if (value instanceof List<?> list && !list.isEmpty()) {
            return String.valueOf(list.get(0));
        }
        return Optional.ofNullable(value).map(String::valueOf).orElse("?");
    }
}
