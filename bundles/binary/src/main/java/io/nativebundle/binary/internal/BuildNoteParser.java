package io.nativebundle.binary.internal;

import io.nativebundle.binary.BuildNote;
import io.nativebundle.binary.ElfFormatException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Parses the descriptor of the {@code .note.nativebundle} note; see {@link BuildNote} for the format. */
public final class BuildNoteParser {

    private BuildNoteParser() {
    }

    /**
     * @param descriptor the descriptor bytes
     * @param file       the name used in messages
     * @param base       the file offset of the descriptor, so messages point into the file
     */
    public static BuildNote parse(byte[] descriptor, String file, long base) throws ElfFormatException {
        if (descriptor == null) {
            throw new ElfFormatException(file, base, "build note: expected a descriptor, found none");
        }
        int end = descriptor.length;
        while (end > 0 && descriptor[end - 1] == 0) {
            end--;
        }
        if (end == 0) {
            throw new ElfFormatException(file, base, "build note at offset " + Hex.of(base)
                    + ": expected NUL-terminated key=value pairs, found an empty descriptor ("
                    + descriptor.length + " bytes)");
        }
        if (end == descriptor.length) {
            throw new ElfFormatException(file, base + end, "build note at offset " + Hex.of(base)
                    + ": expected the last key=value pair to end with NUL, found end of descriptor ("
                    + descriptor.length + " bytes)");
        }
        Map<String, String> values = new HashMap<>();
        int start = 0;
        while (start < end) {
            int nul = start;
            while (descriptor[nul] != 0) {
                nul++;
            }
            String pair = new String(descriptor, start, nul - start, StandardCharsets.UTF_8);
            int eq = pair.indexOf('=');
            long at = base + start;
            if (eq <= 0) {
                throw new ElfFormatException(file, at, "build note pair at offset " + Hex.of(at)
                        + ": expected key=value, found \"" + pair + "\"");
            }
            String key = pair.substring(0, eq);
            if (values.putIfAbsent(key, pair.substring(eq + 1)) != null) {
                throw new ElfFormatException(file, at, "build note pair at offset " + Hex.of(at)
                        + ": key \"" + key + "\" given twice; expected each key once");
            }
            start = nul + 1;
        }
        return new BuildNote(required(values, "library", file, base), required(values, "version", file, base),
                required(values, "abi", file, base), values.getOrDefault("compiler", ""));
    }

    private static String required(Map<String, String> values, String key, String file, long base)
            throws ElfFormatException {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            throw new ElfFormatException(file, base, "build note at offset " + Hex.of(base)
                    + ": expected a non-empty \"" + key + "=\" pair, found "
                    + (value == null ? "none" : "an empty value") + " (keys present: " + values.keySet() + ")");
        }
        return value;
    }
}
