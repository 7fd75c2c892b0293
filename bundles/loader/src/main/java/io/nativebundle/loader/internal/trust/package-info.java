/**
 * Trust, between verify's stage and its binary checks: the signature check ({@code UNTRUSTED}:
 * a jar signature, or the detached signature of a wrapped descriptor, by a certificate of the
 * tenant's trust store) and the lock file ({@code NOT_LOCKED}).
 */
package io.nativebundle.loader.internal.trust;
