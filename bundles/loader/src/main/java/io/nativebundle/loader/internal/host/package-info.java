/**
 * What this machine is, as the checks and the host-library lookup need it: {@link
 * io.nativebundle.loader.internal.host.RuntimeHost}, the binary bundle's one host detector with
 * the framework's libc settings and the runtime's ABI; the lookup of a {@code system=} library on
 * the default search path.
 */
package io.nativebundle.loader.internal.host;
