package io.nativebundle.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's command line, parsed.
 *
 * <pre>
 * nativebundle [--plugins DIR] [--cache DIR] [--wait SECONDS] [--remote] [-Dname=value ...] [--verbose] [exec 'CMD; CMD']
 * </pre>
 *
 * Options may come before or after {@code exec}; {@code exec} takes exactly one argument, the
 * Gogo commands, so that an option after it is never mistaken for part of a command.
 */
final class LauncherArgs {

    static final String USAGE = String.join("\n",
            "usage: nativebundle [options]                      interactive Gogo shell",
            "       nativebundle [options] exec 'CMD; CMD ...'  run Gogo commands and exit",
            "options:",
            "  --plugins DIR    folder watched for plugin bundles, sub-folders included (default: <dist>/plugins)",
            "  --cache DIR      framework and native-library cache (default: <dist>/cache)",
            "  --wait SECONDS   how long to wait for the plugins present at start (default: 30)",
            "  --remote         also run OSGi Remote Services (Apache Aries RSA, bundle/remote/) for native",
            "                   services across machines; exports and imports are set with -D (docs/remote.md)",
            "  -Dname=value     a framework property, e.g. -Dio.nativebundle.remote.export=math",
            "  --verbose, -v    print stack traces with errors",
            "  --help, -h       print this help");

    static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    private Path plugins;
    private Path cache;
    private Duration waitForPlugins = DEFAULT_WAIT;
    private boolean remote;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private boolean verbose;
    private boolean help;
    private String commands;

    private LauncherArgs() {
    }

    /**
     * Parses a command line.
     *
     * @throws UsageException naming the argument that is wrong
     */
    static LauncherArgs parse(String... args) throws UsageException {
        LauncherArgs parsed = new LauncherArgs();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                inlineValue = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            if (arg.startsWith("-D")) {
                parsed.property(arg);
                continue;
            }
            switch (arg) {
                case "--plugins":
                    parsed.plugins = Path.of(inlineValue != null ? inlineValue : value(args, ++i, arg));
                    break;
                case "--cache":
                    parsed.cache = Path.of(inlineValue != null ? inlineValue : value(args, ++i, arg));
                    break;
                case "--wait":
                    parsed.waitForPlugins = seconds(inlineValue != null ? inlineValue : value(args, ++i, arg));
                    break;
                case "--remote":
                    parsed.remote = true;
                    break;
                case "--verbose":
                case "-v":
                    parsed.verbose = true;
                    break;
                case "--help":
                case "-h":
                    parsed.help = true;
                    break;
                case "exec":
                    if (parsed.commands != null) {
                        throw new UsageException("exec given twice; put all commands in one argument: exec 'a; b'");
                    }
                    parsed.commands = value(args, ++i, "exec");
                    if (parsed.commands.isBlank()) {
                        throw new UsageException("exec needs at least one command, e.g. exec 'lb'");
                    }
                    break;
                default:
                    throw new UsageException(arg.startsWith("-")
                            ? "unknown option " + arg
                            : "unexpected argument '" + arg + "'"
                                    + (parsed.commands != null ? " (quote the commands: exec 'lb -s')" : ""));
            }
        }
        return parsed;
    }

    private void property(String arg) throws UsageException {
        int eq = arg.indexOf('=');
        if (eq <= 2) {
            throw new UsageException("a framework property is -Dname=value, not '" + arg + "'");
        }
        properties.put(arg.substring(2, eq), arg.substring(eq + 1));
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static Duration seconds(String value) throws UsageException {
        try {
            long seconds = Long.parseLong(value);
            if (seconds >= 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--wait needs a number of seconds, not '" + value + "'");
    }

    /** The plugins folder given with {@code --plugins}, as typed. */
    Optional<Path> plugins() {
        return Optional.ofNullable(plugins);
    }

    /** The cache folder given with {@code --cache}, as typed. */
    Optional<Path> cache() {
        return Optional.ofNullable(cache);
    }

    Duration waitForPlugins() {
        return waitForPlugins;
    }

    /** Whether {@code --remote} asks for the Remote Services bundles of {@code bundle/remote/}. */
    boolean remote() {
        return remote;
    }

    /** The framework properties given with {@code -Dname=value}, in order; a later one wins. */
    Map<String, String> properties() {
        return Collections.unmodifiableMap(properties);
    }

    boolean verbose() {
        return verbose;
    }

    boolean help() {
        return help;
    }

    /** The Gogo commands of {@code exec}; empty for the interactive shell. */
    Optional<String> commands() {
        return Optional.ofNullable(commands);
    }
}
