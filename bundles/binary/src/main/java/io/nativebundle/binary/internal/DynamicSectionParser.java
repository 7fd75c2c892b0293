package io.nativebundle.binary.internal;

import io.nativebundle.binary.ElfFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the dynamic section ({@code SHT_DYNAMIC}, or {@code PT_DYNAMIC} without section headers)
 * up to {@code DT_NULL}, and resolves the string-valued entries the loader cares about.
 */
final class DynamicSectionParser {

    private DynamicSectionParser() {
    }

    /** The string-valued entries, resolved. */
    record DynamicInfo(List<String> needed, Optional<String> soname, List<String> runpath, List<String> rpath) {

        static final DynamicInfo NONE = new DynamicInfo(List.of(), Optional.empty(), List.of(), List.of());
    }

    /**
     * @param offset the file offset of the table, already checked together with {@code size}
     * @param size   its size in bytes
     * @param label  e.g. {@code "section [21] .dynamic"}
     */
    static List<DynamicEntry> entries(ByteReader in, long offset, long size, String label) throws ElfFormatException {
        in.require(offset, size, label);
        int entsize = in.wide() ? 16 : 8;
        int w = entsize / 2;
        long count = size / entsize;
        List<DynamicEntry> entries = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            long at = offset + i * entsize;
            long tag = in.signedWord(at, label + " entry " + i);
            if (tag == DynamicEntry.DT_NULL) {
                break;
            }
            entries.add(new DynamicEntry(tag, in.word(at + w, label + " entry " + i), at));
        }
        return List.copyOf(entries);
    }

    static DynamicInfo resolve(List<DynamicEntry> entries, StringTable strings) throws ElfFormatException {
        List<String> needed = new ArrayList<>();
        String soname = null;
        List<String> runpath = List.of();
        List<String> rpath = List.of();
        for (DynamicEntry e : entries) {
            if (e.tag() == DynamicEntry.DT_NEEDED) {
                needed.add(string(strings, e, "DT_NEEDED"));
            } else if (e.tag() == DynamicEntry.DT_SONAME) {
                soname = string(strings, e, "DT_SONAME");
            } else if (e.tag() == DynamicEntry.DT_RUNPATH) {
                runpath = split(string(strings, e, "DT_RUNPATH"));
            } else if (e.tag() == DynamicEntry.DT_RPATH) {
                rpath = split(string(strings, e, "DT_RPATH"));
            }
        }
        return new DynamicInfo(List.copyOf(needed), Optional.ofNullable(soname), runpath, rpath);
    }

    static Optional<DynamicEntry> find(List<DynamicEntry> entries, long tag) {
        return entries.stream().filter(e -> e.tag() == tag).findFirst();
    }

    private static String string(StringTable strings, DynamicEntry e, String tag) throws ElfFormatException {
        return strings.at(e.value(), tag + " entry at offset " + Hex.of(e.offset()));
    }

    private static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split(":")) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return List.copyOf(parts);
    }
}
