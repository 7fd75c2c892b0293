package io.nativebundle.wrap.internal;

/** A place in a descriptor: line and column, both from 1. */
record Position(int line, int column) {

    /** The descriptor as a whole, for problems that sit on no line, such as a missing key. */
    static final Position START = new Position(1, 1);

    /** The position {@code offset} characters to the right. */
    Position plus(int offset) {
        return new Position(line, column + offset);
    }
}
