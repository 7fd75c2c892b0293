/**
 * The extender: the activator wires the steps below together; the tracker loads the library of every
 * ACTIVE native bundle wired to this loader ({@code ExtenderWiring}) and unloads it when the bundle leaves.
 * The packages, in the order a bundle goes through them: {@code manifest} (what the bundle declares),
 * {@code host} (what this machine is), {@code stage} (the files in the cache), {@code verify} (the
 * checks before opening), {@code open} and {@code backend} (opening a generation, the seam to native
 * code), {@code publish} (the services), {@code call} (guards on every call), {@code unload}, and
 * {@code status}, {@code metrics}, {@code tenant} beside them; {@code load} runs the steps in order.
 */
package io.nativebundle.loader.internal;
