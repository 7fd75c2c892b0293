package io.nativebundle.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The runner's command line. */
final class BenchOptions {

    static final String USAGE = String.join("\n",
            "usage: java -jar target/benchmarks.jar [options]",
            "  --quick              smoke run: 1 fork, 1 x 0.5 s warm-up, 2 x 0.5 s measurement,",
            "                       20 installs, N = 10, 1 cold start (numbers not worth quoting)",
            "  --calls-only         only the JMH call-overhead benchmarks",
            "  --lifecycle-only     only install latency, scale and cold start",
            "  --include REGEX      only the call benchmarks whose name matches, e.g. 'add'",
            "  --forks N            JMH forks per benchmark (default 2)",
            "  --warmup N           warm-up iterations (default 3)",
            "  --iterations N       measurement iterations (default 4)",
            "  --time MS            length of one iteration in ms (default 1000)",
            "  --installs N         measured installs for install-to-service (default 200, after 50 warm-up)",
            "  --sizes N,N,...      bundle counts of the scale runs (default 10,100,500)",
            "  --cold-starts N      cold start runs (default 5)",
            "  --out FILE           Markdown results (default target/bench-results.md)");

    boolean calls = true;
    boolean lifecycle = true;
    String include = null;
    int forks = 2;
    int warmup = 3;
    int iterations = 4;
    int timeMillis = 1000;
    int installWarmup = 50;
    int installs = 200;
    int[] sizes = {10, 100, 500};
    int coldStarts = 5;
    Path out = BenchPaths.target().resolve("bench-results.md");
    boolean help;

    static BenchOptions parse(String... args) {
        BenchOptions o = new BenchOptions();
        List<String> list = Arrays.asList(args);
        for (int i = 0; i < list.size(); i++) {
            String arg = list.get(i);
            switch (arg) {
                case "--quick":
                    o.forks = 1;
                    o.warmup = 1;
                    o.iterations = 2;
                    o.timeMillis = 500;
                    o.installWarmup = 5;
                    o.installs = 20;
                    o.sizes = new int[] {10};
                    o.coldStarts = 1;
                    break;
                case "--calls-only":
                    o.lifecycle = false;
                    break;
                case "--lifecycle-only":
                    o.calls = false;
                    break;
                case "--include":
                    o.include = value(list, ++i, arg);
                    break;
                case "--forks":
                    o.forks = number(list, ++i, arg);
                    break;
                case "--warmup":
                    o.warmup = number(list, ++i, arg);
                    break;
                case "--iterations":
                    o.iterations = number(list, ++i, arg);
                    break;
                case "--time":
                    o.timeMillis = number(list, ++i, arg);
                    break;
                case "--installs":
                    o.installs = number(list, ++i, arg);
                    break;
                case "--sizes":
                    o.sizes = Arrays.stream(value(list, ++i, arg).split(",")).mapToInt(Integer::parseInt).toArray();
                    break;
                case "--cold-starts":
                    o.coldStarts = number(list, ++i, arg);
                    break;
                case "--out":
                    o.out = Path.of(value(list, ++i, arg));
                    break;
                case "help":
                case "--help":
                case "-h":
                    o.help = true;
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument '" + arg + "'\n" + USAGE);
            }
        }
        return o;
    }

    /** The JMH settings in words, for the report. */
    String describeJmh() {
        return String.format(java.util.Locale.ROOT,
                "JMH %s, average time, %d fork(s) × (%d × %d ms warm-up + %d × %d ms measurement) per benchmark,"
                        + " fork JVM -Xms1g -Xmx1g; median over the %d iteration means",
                BenchPaths.build("jmh.version"), forks, warmup, timeMillis, iterations, timeMillis, forks * iterations);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(i);
    }

    private static int number(List<String> args, int i, String option) {
        try {
            return Integer.parseInt(value(args, i, option));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not '" + args.get(i) + "'");
        }
    }
}
