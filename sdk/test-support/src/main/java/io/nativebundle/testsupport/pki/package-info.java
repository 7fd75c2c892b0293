/**
 * A throw-away certificate authority for trust tests ({@link io.nativebundle.testsupport.pki.TestPki}):
 * signers, CRLs, keystores and signed jars, made fresh in every run. Unlike the rest of the test
 * support it needs BouncyCastle ({@code bcpkix}) on the test class path.
 */
@Export
@Version("1.0.0")
package io.nativebundle.testsupport.pki;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
