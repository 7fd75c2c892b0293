package io.nativebundle.binary;

import static io.nativebundle.binary.ElfFormatAssert.rejects;
import static io.nativebundle.binary.ElfFormatAssert.rejectsOrParses;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.nativebundle.binary.ElfLayout.Section;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** Targeted damage to copies of the real fixtures: every case is refused with a precise message, or parses. */
@RunWith(Parameterized.class)
public class ElfCorruptionTest {

    private static final long SHT_DYNAMIC = 6;
    private static final long SHT_NOTE = 7;
    private static final long SHT_DYNSYM = 11;
    private static final long SHT_VERNEED = 0x6ffffffeL;

    private static final long[] ABSURD = {0, 1, 0x7f, 0xff, 0xffff, 0x10000, 0x7fffffffL, 0x80000000L, 0xffffffffL,
        0x100000000L, Long.MAX_VALUE, Long.MIN_VALUE, -1L, -16L};

    private final String label;
    private final byte[] original;
    private final ElfLayout layout;

    public ElfCorruptionTest(String label, Path file) {
        this.label = label;
        this.original = Fixtures.bytes(file);
        this.layout = new ElfLayout(original);
    }

    @Parameters(name = "{0}")
    public static Collection<Object[]> fixtures() {
        return Arrays.asList(new Object[][] {
            {"x86-64", Fixtures.x8664()}, {"aarch64", Fixtures.aarch64()},
            {"elf32", Fixtures.elf32()}, {"big-endian", Fixtures.bigEndian()}});
    }

    private byte[] copy() {
        return original.clone();
    }

    private String name() {
        return "lib" + label + ".so";
    }

    @Test
    public void truncatedAtEveryEarlyOffsetAndAcrossTheFile() {
        int cases = 0;
        for (int length = 0; length < Math.min(256, original.length); length++) {
            rejects(Arrays.copyOf(original, length), name());
            cases++;
        }
        int step = Math.max(1, original.length / 300);
        for (int length = 256; length < original.length; length += step) {
            // ld puts the section header table last, so every truncation cuts into it
            ElfFormatException e = rejects(Arrays.copyOf(original, length), name());
            assertTrue(e.getMessage(), e.getMessage().contains("size " + length));
            cases++;
        }
        assertTrue(cases >= 400);
    }

    @Test
    public void wrongMagicClassEncodingVersion() {
        byte[] d = copy();
        d[1] = 'X';
        assertTrue(rejects(d, name()).getMessage().contains("not an ELF file: expected magic 7f 45 4c 46"));
        d = copy();
        d[4] = 3;
        ElfFormatException e = rejects(d, name());
        assertEquals(4, e.offset());
        assertTrue(e.getMessage(), e.getMessage().contains("unsupported ELF class 3 at offset 0x4"));
        d = copy();
        d[5] = 3;
        e = rejects(d, name());
        assertEquals(5, e.offset());
        assertTrue(e.getMessage(), e.getMessage().contains("unsupported ELF data encoding 3 at offset 0x5"));
        d = copy();
        d[6] = 2;
        assertTrue(rejects(d, name()).getMessage().contains("unsupported ELF version 2"));
    }

    @Test
    public void headerFieldsSetToAbsurdValues() {
        int[] wordFields = {layout.phoffField(), layout.shoffField()};
        for (int field : wordFields) {
            for (long v : ABSURD) {
                byte[] d = copy();
                layout.putWord(d, field, v);
                rejectsOrParses(d, name(), "header word at " + field + " = " + v);
            }
        }
        int[] halfFields = {layout.phentsizeField(), layout.phnumField(), layout.shentsizeField(),
            layout.shnumField(), layout.shstrndxField()};
        for (int field : halfFields) {
            for (int v : new int[] {0, 1, 2, 39, 41, 63, 65, 0xff00, 0xfffe, 0xffff, layout.shnum, layout.shnum + 1}) {
                byte[] d = copy();
                layout.putU16(d, field, v);
                rejectsOrParses(d, name(), "header half at " + field + " = " + v);
            }
        }
    }

    @Test
    public void headerFieldsWithPreciseMessages() {
        byte[] d = copy();
        layout.putWord(d, layout.shoffField(), original.length - 8);
        ElfFormatException e = rejects(d, name());
        assertTrue(e.getMessage(), e.getMessage().matches(name() + ": truncated ELF: section header table at offset "
                + "0x[0-9a-f]+ \\(" + layout.shnum + " entries x " + layout.shentsize + " bytes\\) ends past end of file "
                + "\\(size " + original.length + "\\)"));
        assertEquals(original.length - 8, e.offset());

        d = copy();
        layout.putU16(d, layout.shnumField(), 0xfff0);
        assertTrue(rejects(d, name()).getMessage().contains("(65520 entries x " + layout.shentsize + " bytes)"));

        d = copy();
        layout.putU16(d, layout.shentsizeField(), layout.shentsize + 1);
        assertTrue(rejects(d, name()).getMessage().contains("e_shentsize at offset"));

        d = copy();
        layout.putU16(d, layout.shstrndxField(), layout.shnum);
        assertTrue(rejects(d, name()).getMessage().contains("e_shstrndx at offset"));

        d = copy();
        layout.putWord(d, layout.phoffField(), layout.wide ? Long.MAX_VALUE : 0xfffffff0L);
        assertTrue(rejects(d, name()).getMessage().contains("program header table at offset"));
    }

    @Test
    public void sectionFieldsSetToAbsurdValues() {
        for (Section s : layout.sections()) {
            for (long v : ABSURD) {
                for (long field : new long[] {s.offsetField(), s.sizeField(), s.entsizeField()}) {
                    byte[] d = copy();
                    layout.putWord(d, field, v);
                    rejectsOrParses(d, name(), "section " + s.index() + " field at " + field + " = " + v);
                }
                for (long field : new long[] {s.linkField(), s.infoField()}) {
                    byte[] d = copy();
                    layout.putU32(d, field, v);
                    rejectsOrParses(d, name(), "section " + s.index() + " field at " + field + " = " + v);
                }
            }
        }
    }

    @Test
    public void symbolTableDamage() {
        Section dynsym = layout.first(SHT_DYNSYM);
        byte[] d = copy();
        layout.putWord(d, dynsym.offsetField(), original.length);
        assertTrue(rejects(d, name()).getMessage().contains("ends past end of file"));

        d = copy();
        layout.putWord(d, dynsym.sizeField(), 0x7fffffff0L & (layout.wide ? -1L : 0xffffffffL));
        assertTrue(rejects(d, name()).getMessage().contains("ends past end of file"));

        d = copy();
        layout.putU32(d, dynsym.linkField(), 999);
        assertTrue(rejects(d, name()).getMessage().contains("sh_link is 999"));

        d = copy();
        layout.putWord(d, dynsym.entsizeField(), 7);
        assertTrue(rejects(d, name()).getMessage().contains("sh_entsize is 7"));

        d = copy();
        long secondSymbol = dynsym.offset() + (layout.wide ? 24 : 16) * 1L;
        layout.putU32(d, secondSymbol, 0xfffffff0L);
        assertTrue(rejects(d, name()).getMessage().contains("string offset 0xfffffff0 is outside"));
    }

    @Test
    public void unterminatedStrings() {
        Section dynamic = layout.first(SHT_DYNAMIC);
        Section dynstr = layout.sections().get((int) layout.u32(dynamic.linkField()));
        byte[] d = copy();
        Arrays.fill(d, (int) dynstr.offset(), (int) (dynstr.offset() + dynstr.size()), (byte) 'A');
        assertTrue(rejects(d, name()).getMessage().contains("has no NUL terminator"));

        d = copy();
        layout.putWord(d, dynstr.sizeField(), 1);
        assertTrue(rejects(d, name()).getMessage().contains("is outside"));
    }

    @Test
    public void dynamicEntriesSetToAbsurdValues() {
        Section dynamic = layout.first(SHT_DYNAMIC);
        int entsize = layout.wide ? 16 : 8;
        boolean sawNeeded = false;
        for (long at = dynamic.offset(); at + entsize <= dynamic.offset() + dynamic.size(); at += entsize) {
            long tag = layout.word(at);
            for (long v : ABSURD) {
                byte[] d = copy();
                layout.putWord(d, at + entsize / 2, v);
                rejectsOrParses(d, name(), "dynamic entry tag " + tag + " value " + v);
                d = copy();
                layout.putWord(d, at, v);
                rejectsOrParses(d, name(), "dynamic entry tag " + tag + " replaced by " + v);
            }
            if (tag == 1 && !sawNeeded) {
                sawNeeded = true;
                byte[] d = copy();
                layout.putWord(d, at + entsize / 2, 0x7ffffff0L);
                assertTrue(rejects(d, name()).getMessage().contains("DT_NEEDED entry at offset"));
            }
            if (tag == 0) {
                break;
            }
        }
    }

    @Test
    public void versionNeedChains() {
        if (layout.sections().stream().noneMatch(s -> s.type() == SHT_VERNEED)) {
            return; // the libc-free fixtures need no versions
        }
        Section verneed = layout.first(SHT_VERNEED);
        long first = verneed.offset();
        byte[] d = copy();
        layout.putU16(d, first + 2, 0xffff); // vn_cnt
        assertTrue(rejects(d, name()).getMessage().contains("Elf_Vernaux"));

        d = copy();
        layout.putU32(d, first + 12, 0); // vn_next of the first of two entries
        assertTrue(rejects(d, name()).getMessage().contains("vn_next is 0 after 1 entries; expected 2"));

        d = copy();
        layout.putU32(d, first + 12, 0xfffffff0L);
        assertTrue(rejects(d, name()).getMessage().contains("lies outside the table"));

        d = copy();
        layout.putU32(d, verneed.infoField(), 1000); // sh_info: entry count
        assertTrue(rejects(d, name()).getMessage().contains("1000 version need entries declared"));

        // the second entry (libc.so.6) has two Vernaux; end its chain after the first
        long second = first + layout.u32(first + 12);
        long aux = second + layout.u32(second + 8);
        d = copy();
        layout.putU32(d, aux + 12, 0);
        assertTrue(rejects(d, name()).getMessage().contains("vna_next is 0 after 1 entries; expected vn_cnt=2"));

        for (long field = first; field < first + 64; field += 2) {
            for (long v : new long[] {0, 1, 0xffff, 0x8000}) {
                d = copy();
                layout.putU16(d, field, (int) v);
                rejectsOrParses(d, name(), "verneed half at " + field + " = " + v);
            }
        }
    }

    @Test
    public void noteSizes() {
        List<Section> notes = layout.sections().stream().filter(s -> s.type() == SHT_NOTE).toList();
        assertTrue(notes.size() >= 2);
        for (Section s : notes) {
            for (long v : new long[] {0xffffffffL, 0xfffffffcL, 0x7fffffffL, s.size(), s.size() - 11}) {
                byte[] d = copy();
                layout.putU32(d, s.offset(), v);
                assertTrue(rejects(d, name()).getMessage().contains("name size"));
                d = copy();
                layout.putU32(d, s.offset() + 4, v);
                assertTrue(rejects(d, name()).getMessage().contains("descriptor size"));
            }
        }
    }

    @Test
    public void overlappingNoteSectionsAreNotAmplified() {
        // point every section at the whole file as a note: without a budget this copies the file N times
        byte[] d = copy();
        for (Section s : layout.sections()) {
            if (s.index() == 0 || s.index() == layout.u16(layout.shstrndxField())) {
                continue; // keep the section names readable
            }
            layout.putU32(d, s.header() + 4, SHT_NOTE);
            layout.putWord(d, s.offsetField(), 0);
            layout.putWord(d, s.sizeField(), original.length);
        }
        assertTrue(rejects(d, name()).getMessage().contains("expected notes that do not overlap"));
    }

    @Test
    public void malformedBuildNote() {
        int at = indexOf(original, "library=".getBytes());
        byte[] d = copy();
        d[at + 7] = ':';
        ElfFormatException e = rejects(d, name());
        assertTrue(e.getMessage(), e.getMessage().contains("expected key=value, found \"library:"));
        assertEquals(at, e.offset());

        d = copy();
        int abi = indexOf(original, "abi=".getBytes());
        d[abi] = 'x';
        assertTrue(rejects(d, name()).getMessage().contains("expected a non-empty \"abi=\" pair"));
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }
}
