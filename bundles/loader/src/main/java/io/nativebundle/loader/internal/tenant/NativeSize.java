package io.nativebundle.loader.internal.tenant;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.List;

import org.osgi.framework.Bundle;

/**
 * The size of the native files a bundle would load, measured in the jar before anything is
 * copied. The bytes are counted by reading the entries: Felix reports an entry's length as
 * {@code available()} of its stream, which a compressed entry does not know.
 */
final class NativeSize {

    private NativeSize() {
    }

    /** The sum of the sizes of {@code entries}; an entry missing from the bundle counts 0 (the loader refuses it). */
    static long of(Bundle bundle, List<String> entries) throws TenantRefusal {
        long total = 0;
        for (String entry : entries) {
            URL url = bundle.getEntry(entry);
            if (url == null) {
                continue;
            }
            try (InputStream in = url.openStream()) {
                total += in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new TenantRefusal("could not measure " + entry + " for the tenant's byte quota: " + e);
            }
        }
        return total;
    }
}
