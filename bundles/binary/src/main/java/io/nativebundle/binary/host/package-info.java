/**
 * This host's platform facts, found once and used by everyone: the launcher, the loader, the
 * wrapper, the tests and the benchmarks. One class per fact, one entry point:
 *
 * <pre>{@code
 * HostPlatform host = HostPlatform.current();
 * host.machine().osgiProcessor();   // "x86-64"  (os.arch amd64)
 * host.libc().flavour();            // GLIBC     (detected from /proc/self/exe)
 * host.libc().version();            // 2.36
 * host.glibcDefinitions();          // GLIBC_2.2.5 ... GLIBC_2.36, what libc.so.6 defines
 * host.libraries().find("libz.so.1");
 * }</pre>
 *
 * <ul>
 * <li>{@link io.nativebundle.binary.host.HostMachine}: the JVM's instruction set, ELF class and byte
 *     order, from {@code os.arch} and {@code sun.arch.data.model};</li>
 * <li>{@link io.nativebundle.binary.host.HostLibc}: the C library's flavour (glibc, musl) and release;</li>
 * <li>{@link io.nativebundle.binary.host.GlibcDefinitions}: the symbol versions the host's
 *     {@code libc.so.6} defines, which decide whether a library's {@code GLIBC_x.y} needs are met;</li>
 * <li>{@link io.nativebundle.binary.SystemLibraries}: the default library search path.</li>
 * </ul>
 *
 * Nothing here runs native code or a program: every fact is read from files ({@code /proc/self},
 * {@code /etc/ld.so.conf}, the ELF headers of {@code libc.so.6}), so it works before any library is
 * loaded, and {@link io.nativebundle.binary.host.HostPlatform#of(java.nio.file.Path, String, String)}
 * reads the same facts from a fixture tree instead of {@code /}.
 *
 * <p>An explicit setting ({@code io.nativebundle.libc}, {@code io.nativebundle.glibc.version}) may
 * override the detected libc; {@link io.nativebundle.binary.host.LibcOverride} applies it and says
 * when it disagrees with what was detected.
 */
@Export
@Version("1.0.0")
package io.nativebundle.binary.host;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
