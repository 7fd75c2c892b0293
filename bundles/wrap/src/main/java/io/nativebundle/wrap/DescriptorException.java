package io.nativebundle.wrap;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A {@code .nativebundle} descriptor that cannot be wrapped, with the place of the problem:
 * {@code libmath.nativebundle:7:9: unknown native type 'integer'; expected one of ...}.
 *
 * <p>Lines and columns count from 1; a column counts characters, a tab being one. A problem that
 * belongs to the descriptor as a whole, such as a missing required key, is reported at 1:1.
 */
public class DescriptorException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;
    private final String reason;

    /**
     * @param file   the descriptor
     * @param line   the line of the problem, from 1
     * @param column the column of the problem, from 1
     * @param reason what was expected and what was found
     */
    public DescriptorException(Path file, int line, int column, String reason) {
        super(file.getFileName() + ":" + line + ":" + column + ": " + reason);
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** @return the descriptor file */
    public Path file() {
        return file;
    }

    /** @return the line of the problem, from 1 */
    public int line() {
        return line;
    }

    /** @return the column of the problem, from 1 */
    public int column() {
        return column;
    }

    /** @return the message without the {@code file:line:column: } prefix */
    public String reason() {
        return reason;
    }
}
