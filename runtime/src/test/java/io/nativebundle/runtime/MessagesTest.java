package io.nativebundle.runtime;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class MessagesTest {

    @Test
    public void addsTheRootCauseWhenItSaysSomethingNew() {
        Exception e = new Exception("Activator start error in bundle x [7].",
                new RuntimeException(new IllegalStateException("no config")));

        assertEquals("Activator start error in bundle x [7]. (IllegalStateException: no config)", Messages.oneLine(e));
    }

    @Test
    public void keepsOneLine() {
        assertEquals("Unable to resolve x: missing requirement y",
                Messages.oneLine(new Exception("Unable to resolve x:\n   missing requirement y\n")));
    }

    @Test
    public void namesTheTypeWhenThereIsNoMessage() {
        assertEquals("NullPointerException", Messages.oneLine(new NullPointerException()));
        assertEquals("failed (NullPointerException)", Messages.oneLine(new Exception("failed", new NullPointerException())));
    }

    @Test
    public void doesNotRepeatACauseAlreadyInTheMessage() {
        IllegalStateException cause = new IllegalStateException("boom");
        assertEquals("java.lang.IllegalStateException: boom", Messages.oneLine(new RuntimeException(cause)));
    }

    @Test
    public void dropsTheResolverRepetition() {
        String felix = "Unable to resolve b [21](R 21.0): missing requirement [b [21](R 21.0)] osgi.wiring.package;"
                + " (osgi.wiring.package=x) Unresolved requirements: [[b [21](R 21.0)] osgi.wiring.package; (osgi.wiring.package=x)]";

        assertEquals("Unable to resolve b [21](R 21.0): missing requirement [b [21](R 21.0)] osgi.wiring.package;"
                + " (osgi.wiring.package=x)", Messages.oneLine(new Exception(felix)));
    }
}
