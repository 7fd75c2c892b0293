/**
 * The Maven plugin of native bundles ({@code io.nativebundle:nativebundle-maven-plugin}, prefix
 * {@code nativebundle}): {@code compile} and {@code test-compile} build C and C++ libraries per
 * target with the one copy of {@code nativebundle.h}, {@code prebuilt} and {@code cargo} bring in
 * libraries another toolchain made, {@code runtime-bundles} copies the runtime's core bundles by
 * their coordinates, {@code header} writes the header for a foreign build. {@code docs/sdk.md}
 * is the reference.
 */
package io.nativebundle.maven;
