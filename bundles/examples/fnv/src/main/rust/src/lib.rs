//! FNV-1a, 64 bits, as a native plugin: the functions below are exported with the C ABI and
//! called from Java through the `Fnv` interface or by name (`NativeFunction`). The library
//! carries no nativebundle build note (it does not use nativebundle.h); `bnd.bnd` says so with
//! `NativeBundle-Prebuilt: cargo;abi=1.0.0`.

use std::ffi::CStr;
use std::os::raw::c_char;

/// The FNV-1a offset basis for 64 bits; also the hash of no bytes at all.
const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(OFFSET_BASIS, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(PRIME))
}

/// The hash of a NUL-terminated string (its bytes without the NUL); a null pointer hashes as "".
#[no_mangle]
pub extern "C" fn fnv1a64(text: *const c_char) -> u64 {
    if text.is_null() {
        return OFFSET_BASIS;
    }
    // SAFETY: the caller passes a NUL-terminated string that outlives the call (jnr-ffi does)
    let text = unsafe { CStr::from_ptr(text) };
    fnv1a(text.to_bytes())
}

/// The hash of the first `length` bytes at `data`; a null pointer hashes as no bytes.
#[no_mangle]
pub extern "C" fn fnv1a64_bytes(data: *const u8, length: usize) -> u64 {
    if data.is_null() {
        return OFFSET_BASIS;
    }
    // SAFETY: the caller passes `length` readable bytes that outlive the call
    let bytes = unsafe { std::slice::from_raw_parts(data, length) };
    fnv1a(bytes)
}

#[cfg(test)]
mod tests {
    use super::fnv1a;

    #[test]
    fn known_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
