package io.nativebundle.itests.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a table the {@code native:} commands print back into rows keyed by header. Cells are
 * separated by two or more spaces; the commands print {@code -} for an empty cell, so every line
 * has as many cells as the header.
 */
public final class TableOutput {

    private TableOutput() {
    }

    public static List<Map<String, String>> rows(String table) {
        String[] lines = table.split("\n");
        String[] headers = cells(lines[0]);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                break; // a note after the table
            }
            String[] cells = cells(lines[i]);
            if (cells.length != headers.length) {
                throw new AssertionError("line " + i + " has " + cells.length + " cells, the header "
                        + headers.length + ":\n" + table);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < headers.length; c++) {
                row.put(headers[c], cells[c]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The row whose {@code column} is {@code value}; fails the test when there is none. */
    public static Map<String, String> row(String table, String column, String value) {
        return rows(table).stream().filter(r -> value.equals(r.get(column))).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + column + " " + value + " in:\n" + table));
    }

    private static String[] cells(String line) {
        return line.strip().split("\\s{2,}");
    }
}
