package io.nativebundle.contract;

/** A fully qualified Java class name, e.g. {@code org.example.math.api.MathLib}. */
public final class JavaName {

    private JavaName() {
    }

    public static boolean isQualifiedName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (String part : name.split("\\.", -1)) {
            if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))) {
                return false;
            }
            for (int i = 1; i < part.length(); i++) {
                if (!Character.isJavaIdentifierPart(part.charAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }
}
