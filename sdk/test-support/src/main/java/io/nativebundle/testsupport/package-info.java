/**
 * Test helpers with no dependency beyond the JDK: {@link io.nativebundle.testsupport.Await} waits
 * for a condition, {@link io.nativebundle.testsupport.BundleRewriter} alters a copy of a bundle.
 */
@Export
@Version("1.0.0")
package io.nativebundle.testsupport;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
