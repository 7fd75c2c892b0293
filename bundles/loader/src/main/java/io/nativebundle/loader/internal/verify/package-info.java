/**
 * Step 4, every check before a library is opened (digest, ELF, machine, libc, glibc, symbols, build
 * note, dependencies, a host library's allow-list and version), and the same checks on a jar for
 * {@code native:verify}.
 */
package io.nativebundle.loader.internal.verify;
