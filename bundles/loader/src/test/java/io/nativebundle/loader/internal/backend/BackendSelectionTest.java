package io.nativebundle.loader.internal.backend;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.util.Optional;
import java.util.function.Function;

import org.junit.Test;

import io.nativebundle.loader.internal.backend.BackendSelection.Choice;

public class BackendSelectionTest {

    private final NativeBackend jnr = new RecordingBackend();
    private final NativeBackend ffm = new RecordingBackend();
    private final Function<NativeBackend, Optional<NativeBackend>> attached = j -> Optional.of(ffm);
    private final Function<NativeBackend, Optional<NativeBackend>> missing = j -> Optional.empty();

    @Test
    public void unsetTakesFfmOnJava22AndLaterWhenTheFragmentIsAttached() {
        assertChose(ffm, BackendSelection.choose(null, 22, attached, jnr));
        assertChose(ffm, BackendSelection.choose(" ", 25, attached, jnr));
    }

    @Test
    public void unsetTakesJnrOnJava17OrWithoutTheFragment() {
        assertChose(jnr, BackendSelection.choose(null, 17, attached, jnr));
        assertChose(jnr, BackendSelection.choose("", 25, missing, jnr));
    }

    @Test
    public void jnrAndFfmForceTheirBackendWhereItCanRun() {
        assertChose(jnr, BackendSelection.choose("jnr", 25, attached, jnr));
        assertChose(ffm, BackendSelection.choose(" ffm ", 22, attached, jnr));
    }

    @Test
    public void ffmOnJava17IsRefusedNamingTheJavaFoundAndStaysOnJnr() {
        Choice choice = BackendSelection.choose("ffm", 17, attached, jnr);
        assertSame(jnr, choice.backend());
        assertEquals("io.nativebundle.backend=ffm needs Java 22 or later, found Java 17; running on jnr",
                choice.problem().orElseThrow());
    }

    @Test
    public void ffmWithoutTheFragmentIsRefusedNamingTheFragment() {
        Choice choice = BackendSelection.choose("ffm", 25, missing, jnr);
        assertSame(jnr, choice.backend());
        assertTrue(choice.problem().orElseThrow(), choice.problem().orElseThrow().contains("io.nativebundle.ffm"));
    }

    @Test
    public void anUnknownValueIsRefusedNamingWhatWasExpectedAndFound() {
        Choice choice = BackendSelection.choose("JNI", 25, attached, jnr);
        assertSame(jnr, choice.backend());
        assertEquals("io.nativebundle.backend must be 'jnr' or 'ffm' (or unset: ffm on Java 22+, else jnr),"
                + " found 'JNI'; running on jnr", choice.problem().orElseThrow());
    }

    @Test
    public void anFfmBackendThatFailsToStartLeavesJnrAndSaysWhy() {
        Function<NativeBackend, Optional<NativeBackend>> broken = j -> {
            throw new IllegalStateException("the FFM backend could not start: boom");
        };
        Choice choice = BackendSelection.choose(null, 25, broken, jnr);
        assertSame(jnr, choice.backend());
        assertEquals("the FFM backend could not start: boom; running on jnr", choice.problem().orElseThrow());
    }

    @Test
    public void onThisJvmWithoutTheFragmentTheLoaderRunsOnJnr() {
        // the unit tests run without the fragment on the class path: unset never fails and keeps jnr
        assertChose(jnr, BackendSelection.choose(null, jnr));
    }

    private void assertChose(NativeBackend expected, Choice choice) {
        assertSame(expected, choice.backend());
        assertEquals(Optional.empty(), choice.problem());
    }
}
