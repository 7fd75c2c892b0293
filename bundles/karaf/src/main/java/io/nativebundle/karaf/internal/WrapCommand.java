package io.nativebundle.karaf.internal;

import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

import io.nativebundle.shell.internal.CommandHelp;
import io.nativebundle.shell.internal.WrapShell;

/**
 * {@code native:wrap libfoo.so libfoo.nativebundle foo.jar}, or {@code native:wrap libz.nativebundle z.jar}
 * for a descriptor whose library is the host's or sits next to it. Relative paths are read from
 * Karaf's base folder.
 */
@Command(scope = "native", name = "wrap", description = CommandHelp.WRAP + "; or, with two arguments, "
        + CommandHelp.WRAP_DESCRIPTOR_ONLY)
@Service
public class WrapCommand implements Action {

    @Argument(index = 0, name = "library", description = CommandHelp.WRAP_LIBRARY + " (or the descriptor, with two"
            + " arguments)", required = true)
    @Completion(FileCompleter.class)
    String first;

    @Argument(index = 1, name = "descriptor", description = CommandHelp.WRAP_DESCRIPTOR + " (or the jar, with two"
            + " arguments)", required = true)
    @Completion(FileCompleter.class)
    String second;

    @Argument(index = 2, name = "jar", description = CommandHelp.WRAP_OUT)
    @Completion(FileCompleter.class)
    String third;

    @Override
    public Object execute() {
        Path dir = Path.of("").toAbsolutePath();
        String jar = third == null
                ? WrapShell.wrap(null, dir.resolve(first), dir.resolve(second))
                : WrapShell.wrap(dir.resolve(first), dir.resolve(second), dir.resolve(third));
        System.out.println(jar);
        return null;
    }
}
