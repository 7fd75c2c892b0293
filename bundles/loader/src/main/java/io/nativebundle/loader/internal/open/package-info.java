/**
 * Step 5, a library generation: what its backend opened, the objects through which its native code
 * can be reached (held weakly, so the unloader knows when it is drained), and the open step itself.
 */
package io.nativebundle.loader.internal.open;
