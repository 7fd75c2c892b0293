/**
 * Helpers for tests that run inside an OSGi framework (Pax Exam), shared by this project's Felix
 * and Equinox itests and by plugin authors' tests: {@link io.nativebundle.testsupport.osgi.Services}
 * waits for a service to come or go, {@link io.nativebundle.testsupport.osgi.Gogo} runs a Gogo
 * command as a console would. They need the framework API (and Gogo's for {@code Gogo}), which
 * the framework provides; the rest of test-support stays plain Java.
 */
@Export
@Version("1.0.0")
package io.nativebundle.testsupport.osgi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
