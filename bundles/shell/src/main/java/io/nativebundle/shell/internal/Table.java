package io.nativebundle.shell.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lays out rows in aligned columns, the way the {@code native:} commands print them:
 *
 * <pre>
 * ID  LIBRARY  STATE
 * 12  math     ACTIVE
 *  9  greeter  REFUSED (DIGEST_MISMATCH)
 * </pre>
 *
 * <p>Columns are two spaces apart, a missing or blank cell prints as {@code -}, line breaks
 * inside a cell become spaces (so one row stays one line), and no line ends in blanks.
 */
final class Table {

    private static final String GAP = "  ";
    private static final String MISSING = "-";

    private final List<String> headers;
    private final int columns;
    private final boolean[] right;
    private final List<String[]> rows = new ArrayList<>();

    private Table(List<String> headers, int columns) {
        this.headers = headers;
        this.columns = columns;
        this.right = new boolean[columns];
    }

    /** A table with a header line. */
    static Table withHeaders(String... headers) {
        return new Table(List.of(headers), headers.length);
    }

    /** A table without a header line, e.g. {@code key  value} pairs. */
    static Table withoutHeaders(int columns) {
        return new Table(List.of(), columns);
    }

    /** Aligns the given columns (0-based) to the right, as numbers are. */
    Table alignRight(int... indexes) {
        for (int i : indexes) {
            right[i] = true;
        }
        return this;
    }

    /**
     * Adds a row; {@code null} cells print as {@code -}.
     *
     * @throws IllegalArgumentException when the number of cells differs from the columns
     */
    Table row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("a row of this table has " + columns + " cells, not "
                    + cells.length + ": " + Arrays.toString(cells));
        }
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
            row[i] = cell(cells[i]);
        }
        rows.add(row);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The lines of the table, without a trailing line break. */
    @Override
    public String toString() {
        List<String[]> lines = new ArrayList<>();
        if (!headers.isEmpty()) {
            lines.add(headers.toArray(new String[0]));
        }
        lines.addAll(rows);
        int[] widths = new int[columns];
        for (String[] line : lines) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], width(line[i]));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] line : lines) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(render(line, widths));
        }
        return sb.toString();
    }

    private String render(String[] line, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns; i++) {
            if (i > 0) {
                sb.append(GAP);
            }
            String padding = " ".repeat(widths[i] - width(line[i]));
            if (right[i]) {
                sb.append(padding).append(line[i]);
            } else {
                sb.append(line[i]).append(padding);
            }
        }
        return sb.toString().stripTrailing();
    }

    private static String cell(Object value) {
        if (value == null) {
            return MISSING;
        }
        String text = value.toString().strip().replaceAll("\\s*\\R\\s*", " ");
        return text.isEmpty() ? MISSING : text;
    }

    /** Counts code points, so that a non-ASCII name does not shift the columns after it. */
    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
