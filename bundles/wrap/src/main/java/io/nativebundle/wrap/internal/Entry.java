package io.nativebundle.wrap.internal;

/**
 * One {@code key = value} line of a descriptor, with where the key and the value start.
 *
 * @param key     the key, e.g. {@code version} or a symbol name
 * @param keyAt   where the key starts
 * @param value   the value without quotes and surrounding blanks
 * @param valueAt where the value's first character is (inside the quotes, for a quoted value)
 */
record Entry(String key, Position keyAt, String value, Position valueAt) {
}
