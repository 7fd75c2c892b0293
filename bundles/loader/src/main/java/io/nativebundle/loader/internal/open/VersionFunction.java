package io.nativebundle.loader.internal.open;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallContextCache;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.Library;
import com.kenai.jffi.MemoryIO;
import com.kenai.jffi.Type;

import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;

/**
 * Calls a host library's {@code const char *f(void)} version function, e.g. {@code zlibVersion},
 * once the library is open. The function is the library's own word on its version; a file name
 * can lie (a distribution may patch without renaming), the running code cannot.
 */
public final class VersionFunction {

    /** A version text longer than this is no version. */
    private static final int MAX_LENGTH = 256;

    private VersionFunction() {
    }

    /**
     * @param file   the opened library; the caller holds its jffi {@code Library}, so it stays open
     * @param symbol the function name
     * @return the text it returned, e.g. {@code 1.2.13}
     * @throws LoadRefusal {@code SYMBOL_MISSING} when it is not exported, {@code VERSION_MISMATCH}
     *                     when it returns NULL or no text
     */
    public static String call(Path file, String symbol) throws LoadRefusal {
        Library library = Library.getCachedInstance(file.toString(), Library.NOW | Library.LOCAL);
        if (library == null) {
            throw new LoadRefusal(RefusalReason.LOAD_FAILED, "the dynamic linker could not open " + file
                    + " to call its version function " + symbol + "(): " + Library.getLastError());
        }
        long address = library.getSymbolAddress(symbol);
        if (address == 0L) {
            throw new LoadRefusal(RefusalReason.SYMBOL_MISSING, "NativeBundle-Library declares version-symbol="
                    + symbol + " but " + file + " does not export it: " + Library.getLastError());
        }
        CallContext context = CallContextCache.getInstance().getCallContext(Type.POINTER, new Type[0],
                CallingConvention.DEFAULT, false);
        long text = Invoker.getInstance().invokeL0(context, address);
        if (text == 0L) {
            throw new LoadRefusal(RefusalReason.VERSION_MISMATCH, symbol + "() of " + file
                    + " returned NULL; expected its version as text, e.g. 1.2.13");
        }
        byte[] bytes = MemoryIO.getInstance().getZeroTerminatedByteArray(text, MAX_LENGTH);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
