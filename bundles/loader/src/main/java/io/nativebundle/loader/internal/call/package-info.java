/**
 * The use of a library: the guards every call goes through (generated for typed interfaces, written
 * for {@code NativeFunction} and {@code NativeVariable}), their leases on the generation, and the
 * argument checks shared by every backend.
 */
package io.nativebundle.loader.internal.call;
