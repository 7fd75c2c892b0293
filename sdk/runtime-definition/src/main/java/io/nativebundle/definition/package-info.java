/**
 * What a nativebundle runtime is: {@link io.nativebundle.definition.RuntimeDefinition}, its core
 * bundles ({@link io.nativebundle.definition.CoreBundle}) and framework properties.
 */
@Export
@Version("1.2.0")
package io.nativebundle.definition;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
