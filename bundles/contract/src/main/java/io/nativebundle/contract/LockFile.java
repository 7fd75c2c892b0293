package io.nativebundle.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The lock file: the SHA-256 of every native file a runtime may load, per tenant, like Go's
 * {@code go.sum}. {@code native:lock} writes it; with {@code io.nativebundle.lockfile} set, the
 * loader refuses a file whose digest is not locked for its tenant ({@code NOT_LOCKED}). One line
 * per file, {@code #} starts a comment:
 *
 * <pre>
 * # tenant library version file sha256
 * acme math 1.2.0 native/linux/x86-64/libmath.so sha256:1cfb23575f975318a8092f98f7038dd886dfea1a5b39abd686bbfdb1646a2cd1
 * default z 1.2.13 libz.so.1 sha256:7e2a72b4c4b38c61e6962de6e3f4a5e9ae692e732c68deead10a7ce2135a7f68
 * </pre>
 *
 * The file is the jar entry (or, for a system library, its {@code system=} name); a space in it is
 * written {@code %20}. What pins a file is its tenant and its digest: the library, version and file
 * name are there for the reader, and for the refusal message.
 */
public final class LockFile {

    /** The comment {@link #format} starts the file with. */
    public static final String HEADER = "# nativebundle lock file: <tenant> <library> <version> <file> sha256:<digest>";
    private static final String SHA256 = "sha256:";

    /** One locked file. */
    public record Line(String tenant, String library, String version, String file, String sha256) {

        public Line {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(library, "library");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(file, "file");
            if (!Sha256.isDigest(sha256)) {
                throw new IllegalArgumentException("'" + sha256 + "' is not a SHA-256 digest (64 hex digits)");
            }
            sha256 = Sha256.normalize(sha256);
        }

        /** The line as the file has it. */
        public String format() {
            return tenant + " " + library + " " + version + " " + file.replace("%", "%25").replace(" ", "%20") + " "
                    + SHA256 + sha256;
        }
    }

    private LockFile() {
    }

    /**
     * @param name names the file in messages
     * @throws IllegalArgumentException {@code <name>:<line>: expected ..., found ...} for a line that does not parse
     */
    public static List<Line> parse(String text, String name) {
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            int hash = raw[i].indexOf('#');
            String content = (hash >= 0 ? raw[i].substring(0, hash) : raw[i]).strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] fields = content.split("\\s+");
            String where = name + ":" + (i + 1) + ": ";
            if (fields.length != 5 || !fields[4].startsWith(SHA256)) {
                throw new IllegalArgumentException(where + "expected <tenant> <library> <version> <file> sha256:<digest>,"
                        + " found '" + content + "'");
            }
            TenantId.problem(fields[0]).ifPresent(problem -> {
                throw new IllegalArgumentException(where + problem);
            });
            try {
                lines.add(new Line(fields[0], fields[1], fields[2], fields[3].replace("%20", " ").replace("%25", "%"),
                        fields[4].substring(SHA256.length())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        return lines;
    }

    /** The file's text: the header, then the lines sorted by tenant, library, version and file. */
    public static String format(Collection<Line> lines) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        lines.stream().distinct().sorted(Comparator.comparing(Line::tenant).thenComparing(Line::library)
                        .thenComparing(Line::version).thenComparing(Line::file).thenComparing(Line::sha256))
                .forEach(line -> text.append(line.format()).append('\n'));
        return text.toString();
    }
}
