package io.nativebundle.runtime;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * Which Gogo console a launch runs, and why.
 *
 * <ul>
 * <li>{@link #EXEC}: {@code nativebundle exec}: Gogo's plain console for its builtins (echo, each,
 *     grep), told to leave stdin alone; output stays plain for scripts.
 * <li>{@link #PIPE}: the interactive mode with stdin from a pipe or file: the plain console reads
 *     the commands line by line and stops the framework at the end of the input. Line editing
 *     needs a terminal (JLine's dumb-terminal fallback spins on a width of 0).
 * <li>{@link #TERMINAL}: the interactive mode on a terminal: Gogo JLine, with history, Up/Down,
 *     Ctrl-R and Tab completion.
 * </ul>
 */
enum ConsoleMode {

    EXEC(Launcher.GOGO_PLAIN),
    PIPE(Launcher.GOGO_PLAIN),
    TERMINAL(Launcher.GOGO_JLINE);

    private final String bundle;

    ConsoleMode(String bundle) {
        this.bundle = bundle;
    }

    /** The symbolic name of the console bundle this mode starts. */
    String bundle() {
        return bundle;
    }

    /** The mode of a launch: exec when it has commands, else by whether stdin and stdout are a terminal. */
    static ConsoleMode of(boolean exec) {
        if (exec) {
            return EXEC;
        }
        return onTerminal() ? TERMINAL : PIPE;
    }

    /** Whether stdin and stdout are a terminal, on JDK 17 (no Console then) and on 22+ (Console.isTerminal). */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // before JDK 22 a Console exists only for a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
