/**
 * The backend on jnr-ffi and jffi, in process; the only package that names them.
 */
package io.nativebundle.loader.internal.backend.jnr;
