/**
 * Step 6, the services of a loaded generation: a {@code NativeFunction} or {@code NativeVariable}
 * per symbol, the guarded typed service and the {@code NativeLibrary} description, collected in a
 * {@code Publication} so that they are unregistered together.
 */
package io.nativebundle.loader.internal.publish;
