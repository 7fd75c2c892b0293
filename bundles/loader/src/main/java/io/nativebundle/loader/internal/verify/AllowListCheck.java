package io.nativebundle.loader.internal.verify;

import java.nio.file.Path;
import java.util.List;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;

/**
 * The {@code digest} check of a system library: a host file is whatever the host's package
 * manager installed, so there is no digest to expect unless the bundle lists the ones it accepts
 * ({@code sha256="<hex>,<hex>"}); then the real file must match one of them.
 */
final class AllowListCheck {

    private AllowListCheck() {
    }

    /**
     * @throws LoadRefusal {@code DIGEST_MISMATCH} when an allow-list is given and misses the file
     */
    public static CheckResult check(String library, List<String> allowed, Path real, String actual) throws LoadRefusal {
        if (allowed.isEmpty()) {
            return CheckResult.pass(DigestCheck.NAME, real + " has sha256 " + actual + "; no allow-list declared"
                    + " (a system library has no NativeBundle-Digest)");
        }
        if (!allowed.contains(actual)) {
            throw new LoadRefusal(RefusalReason.DIGEST_MISMATCH, "SHA-256 of " + real + " (system library '" + library
                    + "') is " + actual + " but NativeBundle-Library allows only sha256=" + String.join(",", allowed));
        }
        return CheckResult.pass(DigestCheck.NAME, real + " has sha256 " + actual + ", one of the "
                + allowed.size() + " allowed by NativeBundle-Library");
    }
}
