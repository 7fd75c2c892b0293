package io.nativebundle.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an exec argument into Gogo command lines at the top-level {@code ;} and line breaks,
 * so each command's result can be printed on its own. Separators inside quotes, after a
 * backslash, or inside {@code {}}, {@code ()} and {@code []} (closures, sub-commands, lists)
 * belong to the command.
 *
 * <pre>
 * split("lb; example:add 2 3")      = ["lb", "example:add 2 3"]
 * split("each [1 2] { echo $it; }")  = ["each [1 2] { echo $it; }"]
 * </pre>
 */
final class CommandSplitter {

    private CommandSplitter() {
    }

    static List<String> split(String commands) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < commands.length(); i++) {
            char c = commands.charAt(i);
            if (c == '\\' && quote != '\'' && i + 1 < commands.length()) {
                current.append(c).append(commands.charAt(++i));
                continue;
            }
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if ((c == ';' || c == '\n') && depth == 0) {
                add(result, current);
                continue;
            }
            current.append(c);
        }
        add(result, current);
        return result;
    }

    private static void add(List<String> result, StringBuilder command) {
        String text = command.toString().strip();
        if (!text.isEmpty()) {
            result.add(text);
        }
        command.setLength(0);
    }
}
