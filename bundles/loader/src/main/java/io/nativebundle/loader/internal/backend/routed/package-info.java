/**
 * The typed methods jnr-ffi cannot bind ({@code backend.RoutedMethods}: structs by value,
 * variadic functions), called through the backend's function invokers of their declarations
 * while the interface's other methods keep the backend's own binding.
 */
package io.nativebundle.loader.internal.backend.routed;
