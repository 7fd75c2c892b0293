/**
 * Tenants: the tenant of each bundle, the service hooks that keep tenants apart, and their quotas.
 */
package io.nativebundle.loader.internal.tenant;
