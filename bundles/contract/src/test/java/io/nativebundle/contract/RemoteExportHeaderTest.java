package io.nativebundle.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.Test;

/** export=remote: one reading for the bnd plugin, the wrapper and the loader. */
public class RemoteExportHeaderTest {

    @Test
    public void exportRemoteIsReadAndWrittenBack() throws Exception {
        LibraryDeclaration d = LibraryHeader.parse("math;version=1.2.0;interface=org.example.MathLib;export=Remote");
        assertEquals(RemoteExport.REMOTE, d.export());
        assertEquals("math;version=1.2.0;interface=org.example.MathLib;export=remote", d.toHeader());
        assertEquals(d, LibraryHeader.parse(d.toHeader()));
    }

    @Test
    public void theDefaultIsNoExportAndWritesNothing() throws Exception {
        assertEquals(RemoteExport.NONE, LibraryHeader.parse("math;version=1.2.0").export());
        LibraryDeclaration none = LibraryHeader.parse("math;version=1.2.0;export=none");
        assertEquals(RemoteExport.NONE, none.export());
        assertEquals("math;version=1.2.0", none.toHeader());
        assertEquals(RemoteExport.REMOTE, none.withExport(RemoteExport.REMOTE).export());
        assertEquals(Optional.empty(), RemoteExport.of("sometimes"));
    }

    @Test
    public void anUnknownExportIsAProblemNamingWhatWasExpected() {
        LibraryHeader.Result r = LibraryHeader.check("math;version=1.2.0;export=zookeeper");
        assertTrue(r.declaration().isEmpty());
        assertEquals(List.of("NativeBundle-Library: export 'zookeeper' of library 'math' is neither remote or none"),
                r.problems());
    }
}
