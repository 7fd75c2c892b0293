/**
 * What this machine is, as the checks and the host-library lookup need it: the JVM's machine, the C
 * library and its version, the system library search path.
 */
package io.nativebundle.loader.internal.host;
