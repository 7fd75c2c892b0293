package io.nativebundle.loader.internal.remote;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.framework.BundleContext;

import io.nativebundle.api.CheckResult;
import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeFunction;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.contract.JavaTypes;
import io.nativebundle.contract.LibraryDeclaration;
import io.nativebundle.contract.MalformedHeaderException;
import io.nativebundle.contract.RemoteExport;
import io.nativebundle.contract.RemoteTypes;
import io.nativebundle.contract.Signature;
import io.nativebundle.contract.SignatureParser;
import io.nativebundle.contract.TypeName;

/**
 * Decides, when a library is published, whether its services are offered to other frameworks, and
 * with which properties. A library is exported when its bundle says {@code export=remote} or the
 * operator's {@link ExportPolicy} names it; exports are off otherwise. Its typed service and each
 * {@code NativeFunction} service whose types all cross the wire ({@link RemoteTypes}) get the
 * Remote Services properties ({@code service.exported.interfaces}, {@code service.exported.configs}
 * = {@code aries.tcp}, the {@code osgi.basic} intent) and {@code nativebundle.remote=exported};
 * a {@code NativeFunction} is judged by its whole signature (structs, arrays and out-parameters of
 * values cross), and with the operator's {@code function-port} each takes the next port in symbol
 * name order. One with a pointer, a buffer, a callback or a type without a mapping is not
 * exported, and the plan says why (logged, and a failed {@code remote-export} check in
 * {@code native:info}). Variables are never exported: a variable is memory at an address of this
 * process.
 */
public final class RemoteExports {

    static final String CHECK = "remote-export";
    /** Where exported endpoints say they are unless {@code io.nativebundle.remote.host} says otherwise. */
    static final String LOOPBACK = "127.0.0.1";
    /** Calls a NativeFunction export serves at once; each export has its own listening threads. */
    static final int FUNCTION_THREADS = 4;

    private static final Logger LOG = System.getLogger("io.nativebundle.loader");

    private final ExportPolicy policy;
    private final Optional<String> policyProblem;
    private final String host;
    private final ConfiguredExports configured = new ConfiguredExports();

    RemoteExports(ExportPolicy policy, Optional<String> policyProblem, String host) {
        this.policy = policy;
        this.policyProblem = policyProblem;
        this.host = host;
    }

    /** Exports as the framework properties say: {@code io.nativebundle.remote.export} and {@code .host}. */
    public static RemoteExports of(Function<String, String> frameworkProperties) {
        String host = Optional.ofNullable(frameworkProperties.apply(NativeBundleConstants.REMOTE_HOST_PROPERTY))
                .map(String::strip).filter(h -> !h.isEmpty()).orElse(LOOPBACK);
        try {
            return new RemoteExports(ExportPolicy.parse(frameworkProperties.apply(ExportPolicy.PROPERTY)),
                    Optional.empty(), host);
        } catch (MalformedHeaderException e) {
            LOG.log(Level.ERROR, "no library is exported by the operator: " + e.getMessage());
            return new RemoteExports(ExportPolicy.NONE, Optional.of(e.getMessage()), host);
        }
    }

    /** The operator's exports from Config Admin, which {@link ExportConfigurations} fills; read at each plan. */
    ConfiguredExports configured() {
        return configured;
    }

    /**
     * Follows the configurations of factory PID {@code io.nativebundle.remote.export} when Config
     * Admin is there (the registration ends with the loader); without it, the property alone.
     *
     * @param applied told {@code (tenant or *, what changed)} after each change
     */
    public void followConfigurations(BundleContext context, BiConsumer<String, String> applied) {
        try {
            // before ExportConfigurations is loaded: it implements Config Admin's interface, an optional import
            Class.forName("org.osgi.service.cm.ManagedServiceFactory", false, RemoteExports.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.log(Level.DEBUG, "nativebundle: no Config Admin; the operator exports by framework property only");
            return;
        }
        ExportConfigurations.register(context, configured, applied);
    }

    /**
     * The plan for one library.
     *
     * @param type    its typed interface, or null when it declares none
     * @param symbols its declared symbols
     */
    public ExportPlan plan(LibraryDeclaration declaration, String tenant, Class<?> type, List<NativeSymbol> symbols) {
        Optional<ExportPolicy.Rule> byProperty = policy.rule(declaration.name(), tenant);
        Optional<ConfiguredExports.Configured> byConfiguration = byProperty.isPresent() ? Optional.empty()
                : configured.rule(declaration.name(), tenant);
        Optional<ExportPolicy.Rule> rule = byProperty.or(() -> byConfiguration.map(ConfiguredExports.Configured::rule));
        boolean byBundle = declaration.export() == RemoteExport.REMOTE;
        List<CheckResult> checks = new ArrayList<>();
        policyProblem.ifPresent(p -> checks.add(fail("the operator's exports are not read: " + p)));
        configured.problems().values().forEach(p -> checks.add(fail("the operator's exports are not read: " + p)));
        if (rule.isEmpty() && !byBundle) {
            return checks.isEmpty() ? ExportPlan.NONE : new ExportPlan(Map.of(), Map.of(), checks);
        }
        String why = byBundle ? "its bundle says " + NativeBundleConstants.ATTR_EXPORT + "=remote"
                : byProperty.isPresent() ? "the operator's " + ExportPolicy.PROPERTY + " names it"
                : "the operator's configuration " + byConfiguration.get().pid() + " names it";
        String library = "library '" + declaration.name() + "'";

        Map<String, Object> typed = Map.of();
        if (type != null) {
            Optional<String> refused = typedRefusal(type);
            if (refused.isPresent()) {
                checks.add(fail("typed service " + type.getName() + " is not exported: " + refused.get()));
                LOG.log(Level.WARNING, library + ": typed service " + type.getName() + " is not exported: "
                        + refused.get());
            } else {
                typed = properties(type.getName(), rule.flatMap(r -> r.port().isPresent()
                        ? Optional.of(r.port().getAsInt()) : Optional.empty()), rule.flatMap(ExportPolicy.Rule::timeout),
                        Optional.empty());
            }
        }
        Map<String, Map<String, Object>> functions = new TreeMap<>();
        List<String> notExported = new ArrayList<>();
        for (NativeSymbol symbol : symbols) {
            if (symbol.kind() != NativeSymbol.Kind.FUNCTION) {
                notExported.add(symbol.name());
                checks.add(fail("variable " + symbol.name() + " is not exported: a variable is memory at an address"
                        + " of this process"));
                continue;
            }
            Optional<String> refused = functionRefusal(symbol);
            if (refused.isPresent()) {
                notExported.add(symbol.name());
                checks.add(fail("NativeFunction " + symbol.name() + " is not exported: " + refused.get()));
                LOG.log(Level.WARNING, library + ": NativeFunction " + symbol.name() + " is not exported: "
                        + refused.get());
            } else {
                functions.put(symbol.name(), properties(NativeFunction.class.getName(), Optional.empty(),
                        rule.flatMap(ExportPolicy.Rule::timeout), Optional.of(FUNCTION_THREADS)));
            }
        }
        // 0 is any free port, as for port=
        OptionalInt functionPort = rule.map(ExportPolicy.Rule::functionPort).filter(p -> p.orElse(0) > 0)
                .orElse(OptionalInt.empty());
        if (functionPort.isPresent() && functionPort.getAsInt() + functions.size() - 1 > 65535) {
            checks.add(fail("function-port " + functionPort.getAsInt() + " leaves no port for each of the "
                    + functions.size() + " NativeFunction exports; they listen on any free ports"));
            functionPort = OptionalInt.empty();
        }
        if (functionPort.isPresent()) {
            // one port each, in name order, so that an importing framework can name each function's endpoint
            int port = functionPort.getAsInt();
            for (Map<String, Object> p : functions.values()) {
                p.put(RemoteProperties.ARIES_PORT, String.valueOf(port++));
            }
        }
        checks.add(0, CheckResult.pass(CHECK, "exported because " + why + " (aries.tcp on " + host
                + rule.filter(r -> r.port().isPresent()).map(r -> ", typed service on port " + r.port().getAsInt())
                        .orElse("")
                + (functionPort.isPresent() && !functions.isEmpty() ? ", NativeFunction from port "
                        + functionPort.getAsInt() + " in name order" : "") + "): "
                + (typed.isEmpty() ? "" : "typed service " + type.getName() + (functions.isEmpty() ? "" : ", "))
                + (functions.isEmpty() ? "" : "NativeFunction " + String.join(", ", functions.keySet()))
                + (typed.isEmpty() && functions.isEmpty() ? "nothing" : "")));
        return new ExportPlan(typed, functions, checks);
    }

    private Map<String, Object> properties(String interfaceName, Optional<Integer> port, Optional<Duration> timeout,
            Optional<Integer> threads) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(RemoteProperties.SERVICE_EXPORTED_INTERFACES, interfaceName);
        p.put(RemoteProperties.SERVICE_EXPORTED_CONFIGS, RemoteProperties.ARIES_TCP);
        p.put(RemoteProperties.SERVICE_EXPORTED_INTENTS, RemoteProperties.INTENT_BASIC);
        p.put(RemoteProperties.ARIES_HOSTNAME, host);
        port.ifPresent(n -> p.put(RemoteProperties.ARIES_PORT, String.valueOf(n)));
        timeout.ifPresent(t -> p.put(RemoteProperties.BASIC_TIMEOUT, String.valueOf(t.toMillis())));
        threads.ifPresent(n -> p.put(RemoteProperties.ARIES_THREADS, String.valueOf(n)));
        p.put(NativeBundleConstants.REMOTE, NativeBundleConstants.REMOTE_EXPORTED);
        return p;
    }

    /** Why the typed interface cannot cross: the first method, in name order, with a type that does not. */
    static Optional<String> typedRefusal(Class<?> type) {
        List<Method> methods = Arrays.stream(type.getMethods())
                .filter(m -> Modifier.isAbstract(m.getModifiers()))
                .sorted(Comparator.comparing(Method::getName).thenComparing(m -> m.getParameterCount()))
                .toList();
        for (Method method : methods) {
            List<TypeName> parameters = new ArrayList<>();
            Class<?>[] types = method.getParameterTypes();
            Annotation[][] annotations = method.getParameterAnnotations();
            for (int i = 0; i < types.length; i++) {
                Optional<TypeName> t = JavaTypes.parameter(types[i].getTypeName(), names(annotations[i]));
                if (t.isEmpty()) {
                    return Optional.of(where(method) + ": parameter " + (i + 1) + " has type "
                            + types[i].getTypeName() + ", which has no native mapping");
                }
                parameters.add(t.get());
            }
            Optional<TypeName> result = JavaTypes.map(method.getReturnType().getTypeName(),
                    names(method.getAnnotations()));
            if (result.isEmpty()) {
                return Optional.of(where(method) + ": the result has type " + method.getReturnType().getTypeName()
                        + ", which has no native mapping");
            }
            Optional<String> why = RemoteTypes.whyNot(parameters, result.get());
            if (why.isPresent()) {
                return Optional.of(where(method) + ": " + why.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> functionRefusal(NativeSymbol symbol) {
        Signature signature = SignatureParser.parse(symbol.signature());
        return RemoteTypes.whyNot(signature).map(why -> "signature " + signature + ": " + why);
    }

    private static String where(Method method) {
        return "method " + method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getTypeName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    private static Set<String> names(Annotation[] annotations) {
        return Arrays.stream(annotations).map(a -> a.annotationType().getName()).collect(Collectors.toSet());
    }

    private static CheckResult fail(String detail) {
        // not a refusal: the library is loaded and works here; only this export did not happen
        return new CheckResult(CHECK, false, Optional.<RefusalReason>empty(), detail);
    }
}
