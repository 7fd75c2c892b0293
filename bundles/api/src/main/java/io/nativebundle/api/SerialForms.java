package io.nativebundle.api;

import java.io.InvalidObjectException;

/**
 * What the API's serializable values share: they cross the wire of OSGi Remote Services, which
 * carries Java serialization, so each writes a small serial form (its written-out text and values,
 * never the contract's classes, which are private to this bundle) and reads it back through the
 * same checks a value made here passes. A stream that breaks them is refused by name, never
 * turned into a value that could not have been made.
 */
final class SerialForms {

    private SerialForms() {
    }

    /** For a class's own {@code readObject}: only its serial form is read, so its fields are never set from a stream. */
    static InvalidObjectException formOnly(Class<?> type) {
        return new InvalidObjectException("a " + type.getSimpleName() + " is read from its serial form only, but this"
                + " stream holds the class's fields: it was not written by io.nativebundle.api");
    }

    /** A malformed serial form: what was expected and what the stream held. */
    static InvalidObjectException malformed(Class<?> type, String expected, Object found) {
        return new InvalidObjectException("malformed serialized " + type.getSimpleName() + ": expected " + expected
                + " but found " + found);
    }

    /** The signature written as {@code text}, checked by the grammar. */
    static NativeSignature signature(Class<?> type, String text) throws InvalidObjectException {
        if (text == null) {
            throw malformed(type, "a signature such as (int,int)int", "null");
        }
        try {
            return NativeSignature.parse(text);
        } catch (IllegalArgumentException e) {
            throw malformed(type, "a signature such as (int,int)int", "'" + text + "' (" + e.getMessage() + ")");
        }
    }
}
