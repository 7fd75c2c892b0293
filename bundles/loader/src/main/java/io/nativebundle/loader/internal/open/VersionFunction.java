package io.nativebundle.loader.internal.open;

import java.nio.file.Path;

import io.nativebundle.api.NativeSignature;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;

/**
 * Calls a host library's {@code const char *f(void)} version function, e.g. {@code zlibVersion},
 * once the library is open. The function is the library's own word on its version; a file name
 * can lie (a distribution may patch without renaming), the running code cannot.
 */
final class VersionFunction {

    private static final NativeSignature SIGNATURE = NativeSignature.parse("()string");

    private VersionFunction() {
    }

    /**
     * @param generation the opened generation, through whose backend the function is called
     * @param file       the host file, for messages
     * @param symbol     the function name
     * @return the text it returned, e.g. {@code 1.2.13}
     * @throws LoadRefusal {@code SYMBOL_MISSING} when it is not exported, {@code VERSION_MISMATCH}
     *                     when it returns NULL
     */
    public static String call(LibraryGeneration generation, Path file, String symbol) throws LoadRefusal {
        if (!generation.exports(symbol)) {
            throw new LoadRefusal(RefusalReason.SYMBOL_MISSING, "NativeBundle-Library declares version-symbol="
                    + symbol + " but " + file + " does not export it (dlsym found no address)");
        }
        String text = (String) generation.function(symbol, SIGNATURE).invoke(new Object[0]);
        if (text == null) {
            throw new LoadRefusal(RefusalReason.VERSION_MISMATCH, symbol + "() of " + file
                    + " returned NULL; expected its version as text, e.g. 1.2.13");
        }
        return text;
    }
}
