/**
 * The seam to native code: a {@code NativeBackend} opens a generation, makes its typed binding,
 * function invokers and variable accessors, and closes it after the drain. Everything else is above it.
 */
package io.nativebundle.loader.internal.backend;
