package io.nativebundle.maven;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Map;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.Test;

public class CargoMojoTest {

    @Test
    public void aMissingCargoSaysHowToInstallIt() {
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> CargoMojo.cargo(Map.of("PATH", "/nonexistent")));
        assertEquals("[nativebundle] cargo, which builds this module's Rust library, 'cargo', was not found on PATH.\n"
                + "[nativebundle]   Install it with:   apt-get update && apt-get install -y cargo   (Debian/Ubuntu), or "
                + "from https://rustup.rs\n[nativebundle]   or point CARGO at it", e.getMessage());
    }
}
