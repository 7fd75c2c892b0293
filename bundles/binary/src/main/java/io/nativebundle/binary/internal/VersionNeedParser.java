package io.nativebundle.binary.internal;

import io.nativebundle.binary.ElfFormatException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the version needs ({@code SHT_GNU_verneed}, or {@code DT_VERNEED} without section
 * headers): two levels of linked lists whose links come from the file, so every step is checked
 * to stay inside the table, to not revisit an entry, and to stay within what the table can hold.
 */
final class VersionNeedParser {

    private static final int ENTRY = 16;

    private VersionNeedParser() {
    }

    /**
     * @param offset  the file offset of the table
     * @param size    its size in bytes (the section size, or what the segment holds from there)
     * @param count   the number of {@code Elf_Verneed} entries ({@code sh_info} or {@code DT_VERNEEDNUM})
     * @param label   for messages
     * @param strings the string table the names are in
     * @return needed file name to version names, both in file order
     */
    static Map<String, List<String>> parse(ByteReader in, long offset, long size, long count, String label,
            StringTable strings) throws ElfFormatException {
        in.require(offset, size, label);
        long capacity = size / ENTRY;
        if (Long.compareUnsigned(count, capacity) > 0) {
            throw in.error(offset, label + " at offset " + Hex.of(offset) + ": " + Long.toUnsignedString(count) + " version need entries "
                    + "declared, but its " + size + " bytes hold at most " + capacity);
        }
        // well-formed entries never overlap, so more reads than the table holds means a cycle
        long budget = capacity;
        Map<String, List<String>> needs = new LinkedHashMap<>();
        Set<Long> seen = new HashSet<>();
        long at = offset;
        for (long i = 0; i < count; i++) {
            checkEntry(in, at, offset, size, label, "Elf_Verneed " + i);
            if (!seen.add(at) || budget-- <= 0) {
                throw in.error(at, label + ": Elf_Verneed " + i + " at offset " + Hex.of(at) + " was already read; "
                        + "the vn_next chain loops instead of ending after " + count + " entries");
            }
            String what = label + " Elf_Verneed " + i + " at offset " + Hex.of(at);
            int auxCount = in.u16(at + 2, what);
            String file = strings.at(in.u32(at + 4, what), what + " vn_file");
            long aux = in.u32(at + 8, what);
            long next = in.u32(at + 12, what);
            List<String> names = new ArrayList<>();
            long a = at + aux;
            Set<Long> seenAux = new HashSet<>();
            for (int j = 0; j < auxCount; j++) {
                checkEntry(in, a, offset, size, label, what + " Elf_Vernaux " + j);
                if (!seenAux.add(a) || budget-- <= 0) {
                    throw in.error(a, what + ": Elf_Vernaux " + j + " at offset " + Hex.of(a) + " was already read "
                            + "or exceeds the table; the vna_next chain loops instead of ending after vn_cnt="
                            + auxCount + " entries");
                }
                String auxWhat = what + " Elf_Vernaux " + j + " at offset " + Hex.of(a);
                names.add(strings.at(in.u32(a + 8, auxWhat), auxWhat + " vna_name"));
                long auxNext = in.u32(a + 12, auxWhat);
                if (auxNext == 0) {
                    if (j < auxCount - 1) {
                        throw in.error(a, auxWhat + ": vna_next is 0 after " + (j + 1) + " entries; expected vn_cnt="
                                + auxCount);
                    }
                    break;
                }
                a += auxNext;
            }
            needs.computeIfAbsent(file, f -> new ArrayList<>()).addAll(names);
            if (next == 0) {
                if (i < count - 1) {
                    throw in.error(at, what + ": vn_next is 0 after " + (i + 1) + " entries; expected " + count);
                }
                break;
            }
            at += next;
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        needs.forEach((file, names) -> result.put(file, List.copyOf(names)));
        return Collections.unmodifiableMap(result);
    }

    private static void checkEntry(ByteReader in, long at, long offset, long size, String label, String what)
            throws ElfFormatException {
        if (at < offset || at - offset > size - ENTRY) {
            throw in.error(at, label + ": " + what + " at offset " + Hex.of(at) + " (" + ENTRY + " bytes) lies "
                    + "outside the table at offset " + Hex.of(offset) + " (size " + size + ")");
        }
    }
}
