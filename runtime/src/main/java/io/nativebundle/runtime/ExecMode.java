package io.nativebundle.runtime;

import java.io.PrintStream;

/**
 * Runs the commands of {@code nativebundle exec} in one Gogo session, in order, as the Gogo
 * console would: output goes to stdout, and each non-null result is printed formatted.
 *
 * <p>It stops at the first command that fails, as Gogo itself does for {@code a; b}, prints a
 * one-line error to stderr (with the stack trace only when verbose) and returns
 * {@link Launcher#COMMAND_FAILED}; {@link Launcher#OK} when every command succeeded.
 */
final class ExecMode {

    private final PrintStream out;
    private final PrintStream err;
    private final boolean verbose;

    ExecMode(PrintStream out, PrintStream err, boolean verbose) {
        this.out = out;
        this.err = err;
        this.verbose = verbose;
    }

    int run(GogoSession session, String commands) {
        for (String command : CommandSplitter.split(commands)) {
            try {
                Object result = session.execute(command);
                if (result != null) {
                    out.println(session.format(result));
                }
                out.flush();
            } catch (Exception e) {
                out.flush();
                err.println("nativebundle: '" + command + "' failed: " + Messages.oneLine(e));
                if (verbose) {
                    e.printStackTrace(err);
                }
                err.flush();
                return Launcher.COMMAND_FAILED;
            }
        }
        return Launcher.OK;
    }
}
