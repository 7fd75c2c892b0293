package io.nativebundle.loader.internal.remote;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import io.nativebundle.contract.Amounts;
import io.nativebundle.contract.HeaderClause;
import io.nativebundle.contract.MalformedHeaderException;
import io.nativebundle.contract.TenantId;

/**
 * The attributes the remote framework properties share, read by the contract's rules; every
 * problem names the property, the clause, what was expected and what was found.
 */
final class ClauseValues {

    static final String TENANT = "tenant";
    static final String PORT = "port";
    /** The first port of a library's NativeFunction exports, which take one each in symbol name order. */
    static final String FUNCTION_PORT = "function-port";
    static final String TIMEOUT = "timeout";

    private final String property;
    private final HeaderClause clause;

    ClauseValues(String property, HeaderClause clause) {
        this.property = property;
        this.clause = clause;
    }

    Optional<String> tenant() throws MalformedHeaderException {
        Optional<String> tenant = clause.attribute(TENANT).map(String::strip);
        if (tenant.isPresent()) {
            Optional<String> problem = TenantId.problem(tenant.get());
            if (problem.isPresent()) {
                throw problem(problem.get());
            }
        }
        return tenant;
    }

    OptionalInt port() throws MalformedHeaderException {
        return port(PORT);
    }

    OptionalInt functionPort() throws MalformedHeaderException {
        return port(FUNCTION_PORT);
    }

    private OptionalInt port(String key) throws MalformedHeaderException {
        Optional<String> text = clause.attribute(key).map(String::strip);
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int port = Integer.parseInt(text.get());
            if (port >= 0 && port <= 65535) {
                return OptionalInt.of(port);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw problem(key + " '" + text.get() + "' is not a TCP port; expected a number from 0 (any free port) to 65535");
    }

    Optional<Duration> timeout() throws MalformedHeaderException {
        Optional<String> text = clause.attribute(TIMEOUT).map(String::strip);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> timeout = Amounts.duration(text.get()).filter(d -> !d.isZero() && !d.isNegative());
        if (timeout.isEmpty()) {
            throw problem("timeout '" + text.get() + "' is not a duration; expected " + Amounts.DURATION_FORM);
        }
        return timeout;
    }

    /** A required attribute. */
    String required(String key, String example) throws MalformedHeaderException {
        Optional<String> value = clause.attribute(key).map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            throw problem("no " + key + "; expected e.g. " + key + "=" + example);
        }
        return value.get();
    }

    MalformedHeaderException problem(String message) {
        return new MalformedHeaderException(property + ": clause '" + clause.name() + "': " + message);
    }
}
