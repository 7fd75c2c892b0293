package io.nativebundle.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class TableTest {

    @Test
    public void alignsColumnsUnderTheirHeaders() {
        String text = Table.withHeaders("ID", "LIBRARY", "STATE")
                .row(12, "math", "ACTIVE")
                .row(7, "greeter", "REFUSED (DIGEST_MISMATCH)")
                .toString();
        assertEquals(String.join("\n",
                "ID  LIBRARY  STATE",
                "12  math     ACTIVE",
                "7   greeter  REFUSED (DIGEST_MISMATCH)"), text);
    }

    @Test
    public void rightAlignedColumnsLineUpTheirLastDigit() {
        String text = Table.withHeaders("SYMBOL", "CALLS").alignRight(1)
                .row("add", 1234)
                .row("greet", 5)
                .toString();
        assertEquals(String.join("\n",
                "SYMBOL  CALLS",
                "add      1234",
                "greet       5"), text);
    }

    @Test
    public void missingAndBlankCellsPrintAsDashAndLinesHaveNoTrailingBlanks() {
        String text = Table.withoutHeaders(3).row("a", null, "").row("bbb", "c", null).toString();
        assertEquals("a    -  -\nbbb  c  -", text);
        for (String line : text.split("\n")) {
            assertEquals(line.stripTrailing(), line);
        }
    }

    @Test
    public void aCellWithLineBreaksStaysOnOneLine() {
        String text = Table.withoutHeaders(2).row("Why", "missing requirement\n   osgi.native;\r\n (x)").toString();
        assertEquals("Why  missing requirement osgi.native; (x)", text);
    }

    @Test
    public void nonAsciiTextCountsByCharacterNotByByte() {
        String text = Table.withHeaders("NAME", "X").row("Grüße", 1).row("ab", 2).toString();
        String[] lines = text.split("\n");
        assertEquals(lines[1].indexOf('1'), lines[2].indexOf('2'));
        assertEquals(lines[0].indexOf('X'), lines[1].indexOf('1'));
    }

    @Test
    public void headersOnlyWhenThereAreNoRows() {
        Table t = Table.withHeaders("A", "B");
        assertTrue(t.isEmpty());
        assertEquals("A  B", t.toString());
    }

    @Test
    public void aRowOfTheWrongWidthIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Table.withHeaders("A", "B").row("only one"));
        assertTrue(e.getMessage(), e.getMessage().contains("2 cells, not 1"));
    }
}
