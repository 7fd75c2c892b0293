package io.nativebundle.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class SymbolErrorsTest {

    private final Libraries libs = new Libraries(List.of(Fakes.active(Fakes.math(12, "default"))));

    @Test
    public void anUnknownSymbolIsNamedWithTheSymbolsAvailable() {
        RuntimeException e = SymbolErrors.noFunction(libs, "math", "nosuch");
        assertTrue(e instanceof IllegalArgumentException);
        assertEquals("the symbol 'nosuch' is not exported by math 1.2.0; its symbols: add(int,int)int,"
                + " greet(string)string, counter:int", e.getMessage());
    }

    @Test
    public void aVariableCalledAsFunctionPointsToGetAndSet() {
        assertEquals("'counter' is a variable of math (int), not a function; read it with native:get math counter,"
                + " write it with native:set math counter <value>",
                SymbolErrors.noFunction(libs, "math", "counter").getMessage());
        assertEquals("'add' is a function of math add(int,int)int, not a variable; call it with native:call math add"
                + " <arguments>", SymbolErrors.noVariable(libs, "math", "add").getMessage());
    }

    @Test
    public void aDeclaredSymbolWithoutServiceBlamesTheRuntime() {
        RuntimeException e = SymbolErrors.noFunction(libs, "math", "add");
        assertTrue(e instanceof IllegalStateException);
        assertTrue(e.getMessage(), e.getMessage().startsWith("math declares add(int,int)int, but no NativeFunction service"));
    }

    @Test
    public void anUnknownLibraryListsTheLoadedOnes() {
        try {
            SymbolErrors.noFunction(libs, "nosuch", "add");
        } catch (IllegalArgumentException e) {
            assertEquals("no native library 'nosuch' is loaded; loaded: math", e.getMessage());
            return;
        }
        throw new AssertionError("no exception");
    }
}
