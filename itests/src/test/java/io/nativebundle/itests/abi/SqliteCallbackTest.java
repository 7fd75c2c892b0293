package io.nativebundle.itests.abi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import io.nativebundle.api.NativeCallResult;
import io.nativebundle.api.NativeCallback;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.itests.AbstractIntegrationTest;
import io.nativebundle.itests.NativeBundleOptions;
import io.nativebundle.itests.wrap.Drops;

/**
 * SQLite's {@code sqlite3_exec} with a Java row callback, through a descriptor over the host's
 * libsqlite3 (Debian's libsqlite3-0, which scripts/install-toolchain.sh installs): the rows a
 * query hands the callback against the rows inserted; the callback reads C's {@code char **}
 * with libc (memmove, strlen, memcpy) called from inside the callback.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SqliteCallbackTest extends AbstractIntegrationTest {

    static final File PLUGINS = new File(NativeBundleOptions.WORK, "abi-sqlite/plugins");

    static final String[] SQLITE = {
        "library = sqlite3",
        "system = libsqlite3.so.0",
        "version = 0",
        "",
        "[callbacks]",
        "row = (pointer data, int columns, pointer values, pointer names)int",
        "",
        "[symbols]",
        "sqlite3_open = (string filename, out pointer db)int",
        "sqlite3_exec = (pointer db, string sql, row callback, pointer data, out pointer errmsg)int",
        "sqlite3_close = (pointer db)int",
    };

    static final String[] LIBC = HostLibc.descriptor("c",
        "",
        "[symbols]",
        "strlen = (pointer s)size_t",
        "memcpy = (out byte[] dst, pointer src, size_t n)pointer",
        "memmove = (out pointer[] dst, pointer src, size_t n)pointer");

    @Configuration
    public Option[] config() throws java.io.IOException {
        Drops.clean(PLUGINS);
        Drops.drop(PLUGINS, "sqlite3.nativebundle", SQLITE);
        Drops.drop(PLUGINS, "c.nativebundle", LIBC);
        return NativeBundleOptions.withDropIns(PLUGINS, NativeBundleOptions.shell());
    }

    /** {@code char **values} of {@code columns} strings, read through libc. */
    private List<String> strings(long values, int columns) throws Exception {
        long[] pointers = new long[columns];
        function("c", "memmove").call(pointers, values, 8L * columns);
        List<String> strings = new ArrayList<>();
        for (long p : pointers) {
            long length = (Long) function("c", "strlen").invoke(p);
            byte[] bytes = new byte[(int) length];
            function("c", "memcpy").call(bytes, p, length);
            strings.add(new String(bytes, StandardCharsets.UTF_8));
        }
        return strings;
    }

    @Test
    public void sqlite3ExecHandsEveryRowToAJavaCallback() throws Exception {
        NativeFunction exec = function("sqlite3", "sqlite3_exec");
        NativeCallResult opened = function("sqlite3", "sqlite3_open").call(":memory:");
        assertEquals(0, opened.value());
        long db = (Long) opened.outValues().get("db");
        try {
            StringBuilder sql = new StringBuilder("create table t(id integer, name text);");
            List<List<String>> expected = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                sql.append("insert into t values(").append(i).append(", 'name ").append(i).append("');");
                expected.add(List.of(Integer.toString(i), "name " + i));
            }
            assertEquals(0, exec.call(db, sql.toString(), null, 0L).value());
            List<List<String>> rows = new ArrayList<>();
            List<String> names = new ArrayList<>();
            NativeCallback row = args -> {
                int columns = (Integer) args[1];
                rows.add(strings((Long) args[2], columns));
                if (names.isEmpty()) {
                    names.addAll(strings((Long) args[3], columns));
                }
                return 0;
            };
            assertEquals(0, exec.call(db, "select id, name from t order by id", row, 0L).value());
            assertEquals(expected, rows);
            assertEquals(List.of("id", "name"), names);

            // a callback that throws: C gets zero (go on), sqlite3_exec's caller gets the exception
            IllegalStateException thrown = new IllegalStateException("row callback gave up");
            NativeCallback failing = args -> {
                throw thrown;
            };
            assertSame(thrown, assertThrows(IllegalStateException.class,
                    () -> exec.call(db, "select id from t", failing, 0L)));
        } finally {
            assertEquals(0, function("sqlite3", "sqlite3_close").invoke(db));
        }
    }
}
