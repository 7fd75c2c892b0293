/**
 * The API of the native bundle ${artifactId}: {@link ${package}.Calculator}.
 *
 * <p>The bundle exports this package and also imports it (the nativebundle bnd plugin adds the
 * import), so after an update of the bundle the consumers keep the class they already use and bind
 * the new library at once. Change an interface in a way that breaks consumers only with a new
 * major version here, and expect them to be refreshed.
 */
@Export
@Version("1.0.0")
package ${package};

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
