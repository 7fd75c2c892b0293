/**
 * The FFM backend ({@code java.lang.foreign}, JDK 22+), in a fragment of the loader bundle that
 * is compiled for release 22 while the loader stays Java 17.
 */
package io.nativebundle.loader.internal.backend.ffm;
