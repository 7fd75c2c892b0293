package io.nativebundle.bnd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Annotation;
import aQute.bnd.osgi.Clazz;
import aQute.bnd.osgi.Clazz.MethodDef;
import aQute.bnd.osgi.Descriptors.TypeRef;
import aQute.bnd.osgi.ParameterAnnotation;

import io.nativebundle.contract.CallbackType;
import io.nativebundle.contract.DeclaredSymbol;
import io.nativebundle.contract.Headers;
import io.nativebundle.contract.Parameter;
import io.nativebundle.contract.Parameter.Direction;
import io.nativebundle.contract.StructLayout;
import io.nativebundle.contract.Signature;
import io.nativebundle.contract.SignatureParser;
import io.nativebundle.contract.TypeName;

/**
 * Derives the symbol declarations from the Java interface named in {@code NativeBundle-Library},
 * reading the class files through bnd's class model, so no class is loaded.
 *
 * <p>Each abstract method is a native function of the same name (jnr-ffi's default mapping),
 * inherited methods included. A method {@code Variable<T> name()} is the global variable
 * {@code name}. Static and default methods run in Java and are skipped. Parameters and results
 * are read in the C ABI's vocabulary (unsigned annotations, arrays and out-parameters with their
 * direction, {@code jnr.ffi.Struct} subclasses by pointer with the layout {@link StructReader}
 * reads from their class files); {@code @SaveError} captures errno.
 */
final class InterfaceSignatures {

    private static final String VARIABLE = "jnr.ffi.Variable";
    private static final String STRUCT = "jnr.ffi.Struct";
    private static final String SAVE_ERROR = "jnr.ffi.annotations.SaveError";
    private static final Pattern TYPE_ARGUMENT = Pattern.compile("<L([^<>;]+);>");

    private static final String IN = "jnr.ffi.annotations.In";
    private static final String OUT = "jnr.ffi.annotations.Out";
    /** The API's annotation of a struct passed or returned by value; read by name, as jnr-ffi's are. */
    static final String BY_VALUE = "io.nativebundle.api.ByValue";
    private static final String VARIADIC = "jnr.ffi.annotations.Variadic";

    private final Analyzer analyzer;
    private final StructReader structs;

    InterfaceSignatures(Analyzer analyzer) {
        this.analyzer = analyzer;
        this.structs = new StructReader(analyzer);
    }

    /** The declarations in method order, reporting every method that cannot be mapped. */
    List<SymbolDeclaration> derive(String interfaceName) throws Exception {
        Map<String, SymbolDeclaration> symbols = new LinkedHashMap<>();
        Deque<TypeRef> pending = new ArrayDeque<>(List.of(analyzer.getTypeRefFromFQN(interfaceName)));
        Set<TypeRef> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            TypeRef ref = pending.removeFirst();
            if (!seen.add(ref)) {
                continue;
            }
            Clazz clazz = analyzer.findClass(ref);
            if (clazz == null) {
                analyzer.error("%s: interface %s is neither in the bundle nor on its build path",
                    Headers.LIBRARY, ref.getFQN()).header(Headers.LIBRARY);
                continue;
            }
            if (!clazz.isInterface()) {
                analyzer.error("%s: %s is a class; jnr-ffi binds an interface", Headers.LIBRARY,
                    ref.getFQN()).header(Headers.LIBRARY);
                continue;
            }
            for (MethodDef method : clazz.methods().toList()) {
                if (isNative(method)) {
                    declaration(clazz, method).ifPresent(d -> add(symbols, d));
                }
            }
            pending.addAll(clazz.interfaces());
        }
        return new ArrayList<>(symbols.values());
    }

    private static boolean isNative(MethodDef method) {
        return !method.isConstructor() && !method.isStatic() && !method.isDefault() && !method.isSynthetic()
            && !method.isBridge();
    }

    private Optional<SymbolDeclaration> declaration(Clazz owner, MethodDef method) throws Exception {
        String origin = owner.getFQN() + "." + method.getName() + prototype(method);
        TypeRef[] prototype = method.getPrototype();
        if (VARIABLE.equals(method.getType().getFQN())) {
            return variable(method, origin, prototype.length);
        }
        Map<Integer, Set<String>> parameterAnnotations = parameterAnnotations(method);
        Set<String> methodAnnotations = annotations(method);
        // called through its declaration at run time, with NativeFunction's carriers, which have no jnr-ffi callback
        boolean routed = methodAnnotations.contains(BY_VALUE) || methodAnnotations.contains(VARIADIC)
            || parameterAnnotations.values().stream().anyMatch(a -> a.contains(BY_VALUE));
        List<Parameter> parameters = new ArrayList<>();
        boolean mapped = true;
        for (int i = 0; i < prototype.length; i++) {
            String where = "parameter " + (i + 1);
            TypeRef javaType = prototype[i];
            Set<String> annotations = parameterAnnotations.getOrDefault(i, Set.of());
            Optional<Parameter> type = annotations.contains(BY_VALUE)
                ? shape(origin, where, () -> structByValue(javaType))
                : structs.isStruct(javaType)
                ? shape(origin, where, () -> structByPointer(javaType, annotations))
                : isCallback(javaType) ? shape(origin, where, () -> callback(javaType))
                : shape(origin, where, () -> JavaTypes.parameter(javaType, annotations));
            if (type == null) {
                mapped = false;
            } else if (type.isEmpty() || type.get().type() == TypeName.VOID) {
                unmapped(origin, where + " has type " + prototype[i].getFQN(), prototype[i]);
                mapped = false;
            } else if (routed && type.get().type() == TypeName.CALLBACK) {
                analyzer.error("NativeBundle-Symbols: method %s: %s is %s, %s", origin, where, javaType.getFQN(),
                    io.nativebundle.contract.JavaTypes.ROUTED_CALLBACK);
                mapped = false;
            } else {
                parameters.add(type.get());
            }
        }
        StructLayout[] returnStruct = new StructLayout[1];
        Optional<TypeName> result = methodAnnotations.contains(BY_VALUE)
            ? shape(origin, "the result", () -> {
                returnStruct[0] = structByValue(method.getType()).orElseThrow().struct();
                return Optional.of(TypeName.STRUCT);
            })
            : shape(origin, "the result", () -> JavaTypes.result(method.getType(), methodAnnotations));
        if (result == null) {
            mapped = false;
        } else if (result.isEmpty()) {
            unmapped(origin, "the return type " + method.getType().getFQN(), method.getType());
            mapped = false;
        } else if (result.get() == TypeName.BUFFER) {
            // jnr-ffi cannot make a Java array or buffer from a returned C pointer
            analyzer.error("NativeBundle-Symbols: method %s returns %s; jnr-ffi cannot return a buffer, return "
                + "jnr.ffi.Pointer instead", origin, method.getType().getFQN());
            mapped = false;
        }
        // jnr-ffi saves errno for a method annotated @SaveError even though the loader ignores it by default
        boolean errno = methodAnnotations.contains(SAVE_ERROR);
        if (!mapped) {
            return Optional.empty();
        }
        Integer fixed = fixedCount(method);
        if (fixed != null && !variadicCarried(origin, parameters, fixed)) {
            return Optional.empty();
        }
        return Optional.of(new SymbolDeclaration(DeclaredSymbol.function(method.getName(),
            new Signature(parameters, result.get(), returnStruct[0], errno, fixed == null ? -1 : fixed)), origin));
    }

    /** jnr-ffi's {@code @Variadic(fixedCount = n)} on the method: {@code n}, or null without it. */
    private static Integer fixedCount(MethodDef method) {
        return method.annotations("*")
            .filter(a -> a.getName().getFQN().equals(VARIADIC))
            .map(a -> (Object) a.get("fixedCount"))
            .map(v -> v instanceof Number n ? n.intValue() : -1)
            .findFirst()
            .orElse(null);
    }

    /**
     * Whether the parameters of a {@code @Variadic} method fit the grammar's variadic declaration:
     * at least one fixed parameter, and after them only promoted types, the contract's rule for
     * descriptors ({@link SignatureParser#unpromoted}); reports each that does not.
     */
    private boolean variadicCarried(String origin, List<Parameter> parameters, int fixed) {
        if (fixed < 1 || fixed > parameters.size()) {
            analyzer.error("NativeBundle-Symbols: method %s: @Variadic(fixedCount = %d): a variadic function has 1 to "
                + "%d fixed parameters (those before C's '...')", origin, fixed, parameters.size());
            return false;
        }
        boolean carried = true;
        for (int i = fixed; i < parameters.size(); i++) {
            if (!SignatureParser.isPromoted(parameters.get(i))) {
                analyzer.error("NativeBundle-Symbols: method %s: parameter %d: %s", origin, i + 1,
                    SignatureParser.unpromoted(parameters.get(i)));
                carried = false;
            }
        }
        return carried;
    }

    /**
     * A {@code jnr.ffi.Struct} subclass annotated {@code @ByValue}: the grammar's struct without a
     * direction, the bytes themselves as the argument (or the result).
     */
    private Optional<Parameter> structByValue(TypeRef type) {
        boolean struct;
        try {
            struct = structs.isStruct(type);
        } catch (Exception e) {
            throw new IllegalArgumentException("class " + type.getFQN() + " could not be read: " + e, e);
        }
        if (!struct) {
            throw new IllegalArgumentException("@ByValue marks a jnr.ffi.Struct subclass passed or returned by value, "
                + "and " + type.getFQN() + " is not one");
        }
        return Optional.of(new Parameter(Direction.IN, TypeName.STRUCT, readLayout(type), null, false));
    }

    /**
     * A {@code jnr.ffi.Struct} parameter, which jnr-ffi passes by pointer: {@code @Out} is written
     * only ({@code out}); anything else is {@code inout}, since the grammar's struct without a
     * direction is passed by value (an {@code @In} struct is still copied back by
     * {@code NativeFunction}, and only copied in by the typed interface).
     */
    private Optional<Parameter> structByPointer(TypeRef type, Set<String> annotations) {
        StructLayout layout = readLayout(type);
        Direction direction = annotations.contains(OUT) && !annotations.contains(IN) ? Direction.OUT : Direction.INOUT;
        return Optional.of(new Parameter(direction, TypeName.STRUCT, layout, null, false));
    }

    /** The layout {@link StructReader} reads from the class file; what it cannot read names the class and field. */
    private StructLayout readLayout(TypeRef type) {
        try {
            return structs.read(type);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("struct class " + type.getFQN() + " could not be read: " + e, e);
        }
    }

    private static Map<Integer, Set<String>> parameterAnnotations(MethodDef method) {
        return method.parameterAnnotations("*")
            .collect(Collectors.groupingBy(ParameterAnnotation::parameter,
                Collectors.mapping(a -> a.getName().getFQN(), Collectors.toSet())));
    }

    private static Set<String> annotations(MethodDef method) {
        return method.annotations("*")
            .map(Annotation::getName)
            .map(TypeRef::getFQN)
            .collect(Collectors.toSet());
    }

    /** Whether {@code type} is a jnr-ffi callback: an interface with a method annotated {@code @Delegate}. */
    private boolean isCallback(TypeRef type) throws Exception {
        Clazz clazz = type.isPrimitive() || type.isArray() ? null : analyzer.findClass(type);
        return clazz != null && clazz.isInterface()
            && clazz.methods().anyMatch(m -> annotations(m).contains(io.nativebundle.contract.JavaTypes.DELEGATE));
    }

    /** A callback parameter: the one {@code @Delegate} method read as the contract's callback type. */
    private Optional<Parameter> callback(TypeRef type) {
        Clazz clazz;
        try {
            clazz = analyzer.findClass(type);
        } catch (Exception e) {
            throw new IllegalArgumentException("callback interface " + type.getFQN() + " could not be read: " + e, e);
        }
        List<MethodDef> delegates = clazz.methods()
            .filter(m -> annotations(m).contains(io.nativebundle.contract.JavaTypes.DELEGATE))
            .toList();
        if (delegates.size() != 1) {
            throw new IllegalArgumentException("callback interface " + type.getFQN() + " has " + delegates.size()
                + " methods annotated @Delegate; expected exactly one");
        }
        MethodDef delegate = delegates.get(0);
        TypeRef[] prototype = delegate.getPrototype();
        Map<Integer, Set<String>> byParameter = parameterAnnotations(delegate);
        List<String> types = new ArrayList<>();
        List<Set<String>> annotations = new ArrayList<>();
        for (int i = 0; i < prototype.length; i++) {
            types.add(prototype[i].getFQN());
            annotations.add(byParameter.getOrDefault(i, Set.of()));
        }
        String name = type.getFQN().substring(Math.max(type.getFQN().lastIndexOf('.'), type.getFQN().lastIndexOf('$')) + 1);
        CallbackType callback = io.nativebundle.contract.JavaTypes.callbackType(name, types, annotations,
            delegate.getType().getFQN(), annotations(delegate));
        return Optional.of(new Parameter(Direction.IN, TypeName.CALLBACK, null, callback, null, false));
    }

    private Optional<SymbolDeclaration> variable(MethodDef method, String origin, int parameterCount) {
        Matcher m = TYPE_ARGUMENT.matcher(method.getGenericReturnType());
        Optional<TypeName> type = m.find() ? JavaTypes.variable(m.group(1).replace('/', '.')) : Optional.empty();
        if (parameterCount != 0 || type.isEmpty()) {
            analyzer.error("NativeBundle-Symbols: method %s: a global variable is declared as Variable<T> name() "
                + "with T one of Byte, Short, Integer, Long, Float, Double, jnr.ffi.Pointer; found %s with %d "
                + "parameter(s)", origin, method.getGenericReturnType(), parameterCount);
            return Optional.empty();
        }
        return Optional.of(new SymbolDeclaration(DeclaredSymbol.variable(method.getName(), type.get()), origin));
    }

    /** The mapped type, or {@code null} after reporting an annotation the type cannot carry. */
    private <T> Optional<T> shape(String origin, String where, Supplier<Optional<T>> mapping) {
        try {
            return mapping.get();
        } catch (IllegalArgumentException e) {
            analyzer.error("NativeBundle-Symbols: method %s: %s: %s", origin, where, e.getMessage());
            return null;
        }
    }

    private void unmapped(String origin, String what, TypeRef type) {
        analyzer.error("NativeBundle-Symbols: method %s: %s, which has no native mapping%s; supported: %s", origin,
            what, hint(type), JavaTypes.SUPPORTED);
    }

    /** Why a struct or a callback, which the author may expect to work, is not carried by a typed interface. */
    private String hint(TypeRef type) {
        try {
            Clazz clazz = type.isPrimitive() || type.isArray() ? null : analyzer.findClass(type);
            if (clazz == null) {
                return "";
            }
            if (clazz.isInterface()) {
                return " (a callback interface has one method annotated jnr-ffi's @Delegate)";
            }
            for (Clazz c = clazz; c != null && c.getSuper() != null; c = analyzer.findClass(c.getSuper())) {
                if (STRUCT.equals(c.getSuper().getFQN())) {
                    return " (a jnr.ffi.Struct is returned by value: annotate the method @" + BY_VALUE
                        + "; or return a jnr.ffi.Pointer to it)";
                }
            }
            return "";
        } catch (Exception e) {
            return "";
        }
    }

    private void add(Map<String, SymbolDeclaration> symbols, SymbolDeclaration declaration) {
        SymbolDeclaration previous = symbols.putIfAbsent(declaration.name(), declaration);
        if (previous != null && !previous.sameShape(declaration)) {
            // one native symbol has exactly one signature; jnr-ffi would bind both to the same address
            analyzer.error("NativeBundle-Symbols: symbol '%s' is declared twice with different signatures: "
                + "%s %s and %s %s", declaration.name(), previous.origin(), previous.signature(),
                declaration.origin(), declaration.signature());
        }
    }

    private static String prototype(MethodDef method) {
        return List.of(method.getPrototype()).stream()
            .map(TypeRef::getFQN)
            .collect(Collectors.joining(",", "(", ")"));
    }
}
