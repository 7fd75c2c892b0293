package io.nativebundle.runtime;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

public class CommandSplitterTest {

    @Test
    public void splitsAtTopLevelSemicolonsAndLineBreaks() {
        assertEquals(List.of("lb", "example:add 2 3", "headers 1"),
                CommandSplitter.split(" lb;example:add 2 3 \n headers 1 ;"));
    }

    @Test
    public void keepsSeparatorsInsideQuotes() {
        assertEquals(List.of("echo 'a;b'", "echo \"c;d\""),
                CommandSplitter.split("echo 'a;b'; echo \"c;d\""));
    }

    @Test
    public void keepsSeparatorsInsideClosuresAndSubcommands() {
        assertEquals(List.of("each [1 2] { echo $it; echo x }", "x = (a; b)", "lb"),
                CommandSplitter.split("each [1 2] { echo $it; echo x }; x = (a; b); lb"));
    }

    @Test
    public void keepsEscapedSeparators() {
        assertEquals(List.of("echo a\\;b"), CommandSplitter.split("echo a\\;b"));
    }

    @Test
    public void dropsEmptyCommands() {
        assertEquals(List.of(), CommandSplitter.split(" ; ;\n"));
    }
}
