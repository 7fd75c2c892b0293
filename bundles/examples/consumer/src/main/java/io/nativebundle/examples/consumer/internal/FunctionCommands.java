package io.nativebundle.examples.consumer.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.api.NativeFunction;

/**
 * Gogo commands in scope {@code example} that call the native {@code add} by name, through its
 * {@link NativeFunction} service, the way Go's {@code plugin.Lookup} finds a symbol:
 * {@code example:addbyname 2 3} prints {@code 5}. No interface of the math bundle is needed, only
 * the API bundle's {@code NativeFunction}.
 *
 * <p>Like {@link MathCommands}, the reference is dynamic and greedy, so an update of the math
 * bundle rebinds it to the new library generation.
 */
@Component(service = FunctionCommands.class, property = {
        "osgi.command.scope=example",
        "osgi.command.function=addbyname",
        "osgi.command.function=bynamesource"
})
public class FunctionCommands {

    /** The bound function and its properties, swapped as one so they never disagree. */
    private record Binding(NativeFunction add, Map<String, Object> properties) {
    }

    private volatile Binding binding;

    @Reference(target = "(&(" + NativeBundleConstants.LIBRARY + "=math)(" + NativeBundleConstants.SYMBOL + "=add))",
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindAdd")
    void bindAdd(NativeFunction add, Map<String, Object> properties) {
        binding = new Binding(add, properties);
    }

    void unbindAdd(NativeFunction add) {
        // With greedy rebinding SCR binds the replacement before it unbinds the old service.
        Binding current = binding;
        if (current != null && current.add() == add) {
            binding = null;
        }
    }

    /** {@code example:addbyname 2 3} prints {@code 5}. */
    public int addbyname(int a, int b) {
        return current().add().asIntBinaryOperator().applyAsInt(a, b);
    }

    /** Prints the namespace, version and generation of the bound {@code add}. */
    public String bynamesource() {
        Map<String, Object> p = current().properties();
        return p.get(NativeBundleConstants.NAMESPACE) + " " + p.get(NativeBundleConstants.VERSION)
                + " generation " + p.get(NativeBundleConstants.GENERATION) + " by name";
    }

    private Binding current() {
        Binding b = binding;
        if (b == null) {
            throw new IllegalStateException("the native function math/add is not available");
        }
        return b;
    }
}
