package io.nativebundle.binary.internal;

import io.nativebundle.binary.ElfFormatException;
import io.nativebundle.binary.internal.ProgramHeaderTable.Region;
import java.util.List;
import java.util.Optional;

/**
 * Counts the entries of the dynamic symbol table of a file without section headers: the ELF
 * format stores no such count, but the hash tables ({@code DT_HASH}, or {@code DT_GNU_HASH})
 * imply it.
 */
final class DynamicSymbolCounter {

    private DynamicSymbolCounter() {
    }

    /** @return the number of symbols, or empty if the file has no hash table */
    static Optional<Long> count(ByteReader in, ProgramHeaderTable segments, List<DynamicEntry> dynamic)
            throws ElfFormatException {
        Optional<DynamicEntry> hash = DynamicSectionParser.find(dynamic, DynamicEntry.DT_HASH);
        if (hash.isPresent()) {
            Region r = segments.map(hash.get().value(), "DT_HASH", hash.get().offset());
            require(in, r, 8, "DT_HASH header");
            return Optional.of(in.u32(r.offset() + 4, "DT_HASH nchain"));
        }
        Optional<DynamicEntry> gnu = DynamicSectionParser.find(dynamic, DynamicEntry.DT_GNU_HASH);
        if (gnu.isPresent()) {
            return Optional.of(countGnu(in, segments.map(gnu.get().value(), "DT_GNU_HASH", gnu.get().offset())));
        }
        return Optional.empty();
    }

    // The highest symbol index is the end of the chain of the highest bucket: chains end at an
    // entry whose low bit is set.
    private static long countGnu(ByteReader in, Region r) throws ElfFormatException {
        require(in, r, 16, "DT_GNU_HASH header");
        long nbuckets = in.u32(r.offset(), "DT_GNU_HASH nbuckets");
        long symoffset = in.u32(r.offset() + 4, "DT_GNU_HASH symoffset");
        long bloomWords = in.u32(r.offset() + 8, "DT_GNU_HASH bloom size");
        long buckets = 16 + bloomWords * (in.wide() ? 8 : 4);
        require(in, r, buckets + nbuckets * 4, "DT_GNU_HASH buckets (" + nbuckets + ")");
        long max = 0;
        for (long i = 0; i < nbuckets; i++) {
            max = Math.max(max, in.u32(r.offset() + buckets + i * 4, "DT_GNU_HASH bucket"));
        }
        if (max < symoffset) {
            return symoffset;
        }
        long chains = buckets + nbuckets * 4;
        long index = max;
        while (true) {
            long at = chains + (index - symoffset) * 4;
            require(in, r, at + 4, "DT_GNU_HASH chain of symbol " + index);
            if ((in.u32(r.offset() + at, "DT_GNU_HASH chain") & 1) != 0) {
                return index + 1;
            }
            index++; // bounded: each step moves 4 bytes further into the checked region
        }
    }

    private static void require(ByteReader in, Region r, long length, String what) throws ElfFormatException {
        if (length > r.size()) {
            throw in.error(r.offset(), "truncated ELF: " + what + " at offset " + Hex.of(r.offset()) + " needs "
                    + length + " bytes, but its PT_LOAD segment has only " + r.size() + " from there");
        }
    }
}
