package io.nativebundle.loader.internal.backend.ffm;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

import io.nativebundle.api.NativeStructType;
import io.nativebundle.api.NativeType;

/**
 * The FFM layout of a struct, built from the offsets and the size the contract's one alignment
 * rule gave its {@link NativeStructType} (docs/c-abi.md, "Layout"): each field at its offset, with
 * padding before it where the rule put some, a fixed array as a sequence, a nested struct as its
 * own layout, and trailing padding up to the contract's size. FFM checks every member's alignment
 * as it builds the layout; that and the size and alignment compared here are the assertion that
 * FFM (which classifies the struct for the calling convention) and the contract agree.
 */
final class FfmStructs {

    private FfmStructs() {
    }

    /**
     * @throws IllegalArgumentException naming the struct when FFM's layout disagrees with the contract's
     */
    static StructLayout layout(NativeStructType type) {
        List<MemoryLayout> members = new ArrayList<>();
        long at = 0;
        for (NativeStructType.Field field : type.fields()) {
            if (field.offset() > at) {
                members.add(MemoryLayout.paddingLayout(field.offset() - at));
            }
            MemoryLayout one = field.type() == NativeType.STRUCT ? layout(field.structType().orElseThrow())
                    : FfmTypes.layout(field.type());
            MemoryLayout member = (field.count() == 0 ? one : MemoryLayout.sequenceLayout(field.count(), one))
                    .withName(field.name());
            members.add(member);
            at = field.offset() + member.byteSize();
        }
        if (type.size() > at) {
            members.add(MemoryLayout.paddingLayout(type.size() - at));
        }
        StructLayout layout;
        try {
            layout = MemoryLayout.structLayout(members.toArray(MemoryLayout[]::new));
        } catch (IllegalArgumentException e) {
            throw disagreement(type, e.getMessage());
        }
        if (layout.byteSize() != type.size() || layout.byteAlignment() != type.alignment()) {
            throw disagreement(type, "FFM lays it out to " + layout.byteSize() + " bytes aligned to "
                    + layout.byteAlignment());
        }
        return layout.withName(type.name());
    }

    private static IllegalArgumentException disagreement(NativeStructType type, String found) {
        return new IllegalArgumentException("struct " + type.name() + " is " + type.size() + " bytes aligned to "
                + type.alignment() + " by the contract, but " + found);
    }
}
