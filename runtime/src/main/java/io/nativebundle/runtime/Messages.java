package io.nativebundle.runtime;

/** Turns exceptions into the one-line messages the launcher prints. */
final class Messages {

    private Messages() {
    }

    /**
     * The exception's message on one line, followed by its root cause when that adds something,
     * e.g. {@code Activator start error in bundle x [7]. (IllegalStateException: no config)}.
     */
    static String oneLine(Throwable t) {
        String message = describe(t);
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root == t) {
            return message;
        }
        if (root.getMessage() == null || root.getMessage().isBlank()) {
            return message + " (" + root.getClass().getSimpleName() + ")";
        }
        String cause = flatten(root.getMessage());
        return message.contains(cause)
                ? message
                : message + " (" + root.getClass().getSimpleName() + ": " + cause + ")";
    }

    private static String describe(Throwable t) {
        if (t.getMessage() == null || t.getMessage().isBlank()) {
            return t.getClass().getSimpleName();
        }
        String message = flatten(t.getMessage());
        // Felix's resolver repeats the missing requirement in a tail that adds nothing on one line.
        int repeat = message.indexOf(" Unresolved requirements: [[");
        return repeat > 0 ? message.substring(0, repeat) : message;
    }

    private static String flatten(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
