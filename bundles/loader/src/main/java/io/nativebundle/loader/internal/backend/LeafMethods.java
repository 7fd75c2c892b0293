package io.nativebundle.loader.internal.backend;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.nativebundle.api.NativeLeaf;
import io.nativebundle.api.NativeSymbol;
import io.nativebundle.api.RefusalReason;
import io.nativebundle.loader.internal.LoadRefusal;

/**
 * Which methods of a typed interface are leaves: those annotated {@link NativeLeaf}, and those
 * whose symbol the library's {@code NativeBundle-Symbols} declares {@code leaf=true}
 * ({@link NativeSymbol#leaf()}; a wrapper descriptor's {@code leaf = a, b} becomes that too). One
 * rule for every backend (FFM calls a leaf with a critical downcall, the others as any method), the
 * refusal at load and the typed service's {@code nativebundle.leaf.methods} property.
 *
 * <pre>{@code
 * LeafMethods leaves = LeafMethods.declared(manifest.symbols());   // add;...;leaf=true
 * leaves.isLeaf(MathLib.class.getMethod("add", int.class, int.class));  // true
 * }</pre>
 */
public final class LeafMethods {

    private static final LeafMethods ANNOTATED_ONLY = new LeafMethods(Set.of());

    /** The symbols declared leaves outside the interface. */
    private final Set<String> declared;

    private LeafMethods(Set<String> declared) {
        this.declared = declared;
    }

    /** Only the methods annotated {@link NativeLeaf}: for a library whose manifest declares no leaf. */
    public static LeafMethods annotatedOnly() {
        return ANNOTATED_ONLY;
    }

    /** The annotated methods and those whose symbol is a leaf among {@code symbols}. */
    public static LeafMethods declared(Collection<NativeSymbol> symbols) {
        Set<String> leaves = symbols.stream().filter(NativeSymbol::leaf).map(NativeSymbol::name)
                .collect(Collectors.toUnmodifiableSet());
        return leaves.isEmpty() ? ANNOTATED_ONLY : new LeafMethods(leaves);
    }

    /** Whether {@code method} (an abstract method of a typed interface, named for its symbol) is a leaf. */
    public boolean isLeaf(Method method) {
        return method.isAnnotationPresent(NativeLeaf.class) || declared.contains(method.getName());
    }

    /** The names of the abstract methods of {@code type} that are leaves, sorted; empty when none is. */
    public List<String> names(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Method method : InterfaceMethods.abstractOnly(type)) {
            if (isLeaf(method)) {
                names.add(method.getName());
            }
        }
        return List.copyOf(names);
    }

    /**
     * Refuses a leaf method with a callback parameter (any interface but {@code CharSequence}): a
     * leaf never calls back into Java, and a critical downcall that did would corrupt the thread's
     * state. The contract refuses a manifest leaf whose declared signature has a callback already
     * ({@code DeclaredSymbol.asLeaf()}); this catches the Java side, whatever the header says.
     *
     * @throws LoadRefusal {@code LOAD_FAILED} naming the method, how it is a leaf, and the callback
     */
    public void refuseCallbacks(Class<?> type) throws LoadRefusal {
        for (Method method : InterfaceMethods.abstractOnly(type)) {
            if (!isLeaf(method)) {
                continue;
            }
            for (Class<?> parameter : method.getParameterTypes()) {
                if (parameter.isInterface() && parameter != CharSequence.class) {
                    String how = method.isAnnotationPresent(NativeLeaf.class) ? "@NativeLeaf"
                            : "a leaf (leaf=true in NativeBundle-Symbols)";
                    String fix = method.isAnnotationPresent(NativeLeaf.class) ? "@NativeLeaf" : "leaf=true";
                    throw new LoadRefusal(RefusalReason.LOAD_FAILED, type.getName() + "." + method.getName()
                            + " is declared " + how + " and takes the callback " + parameter.getName()
                            + ": a leaf never calls back into Java; remove " + fix + " or the callback");
                }
            }
        }
    }

    @Override
    public String toString() {
        return "leaves: @NativeLeaf" + (declared.isEmpty() ? "" : " and " + new TreeSet<>(declared));
    }
}
