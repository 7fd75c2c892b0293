package io.nativebundle.binary.internal;

/** Formats offsets the way readelf does, so messages can be checked against its output. */
final class Hex {

    private Hex() {
    }

    /** @return {@code "0x"} and the value as unsigned hex */
    static String of(long value) {
        return "0x" + Long.toHexString(value);
    }
}
