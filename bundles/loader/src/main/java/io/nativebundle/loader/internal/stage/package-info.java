/**
 * Step 3, the library in the cache: one folder per generation, files copied atomically, a host
 * library linked in place; the locks that let several runtimes share one cache.
 */
package io.nativebundle.loader.internal.stage;
