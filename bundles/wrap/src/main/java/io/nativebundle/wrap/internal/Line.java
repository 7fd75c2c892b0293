package io.nativebundle.wrap.internal;

/**
 * One meaningful line of a descriptor: a section header or a {@code key = value} entry.
 *
 * @param section the section name of a {@code [section]} line, else null
 * @param at      where the section name starts (for a section line)
 * @param entry   the entry of a {@code key = value} line, else null
 */
record Line(String section, Position at, Entry entry) {

    boolean isSection() {
        return section != null;
    }
}
