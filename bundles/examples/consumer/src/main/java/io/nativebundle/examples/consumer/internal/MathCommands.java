package io.nativebundle.examples.consumer.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.nativebundle.api.NativeBundleConstants;
import io.nativebundle.examples.math.MathLib;

/**
 * Gogo commands in scope {@code example} that call the native {@code math} library through the
 * service registry, so a person can watch a native call travel from the shell to C and back:
 * {@code example:add 2 3} prints {@code 5}.
 *
 * <p>The reference is dynamic and greedy: when the math bundle is updated, the component
 * rebinds to the new library generation without being deactivated.
 */
@Component(service = MathCommands.class, property = {
        "osgi.command.scope=example",
        "osgi.command.function=add",
        "osgi.command.function=multiply",
        "osgi.command.function=greet",
        "osgi.command.function=source"
})
public class MathCommands {

    /** The bound service and its properties, swapped as one so they never disagree. */
    private record Binding(MathLib math, Map<String, Object> properties) {
    }

    private volatile Binding binding;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unbindMath")
    void bindMath(MathLib math, Map<String, Object> properties) {
        binding = new Binding(math, properties);
    }

    void unbindMath(MathLib math) {
        // With greedy rebinding SCR binds the replacement before it unbinds the old service.
        Binding current = binding;
        if (current != null && current.math() == math) {
            binding = null;
        }
    }

    /** {@code example:add 2 3} prints {@code 5}. */
    public int add(int a, int b) {
        return math().add(a, b);
    }

    /** {@code example:multiply 6 7} prints {@code 42}. */
    public int multiply(int a, int b) {
        return math().multiply(a, b);
    }

    /** {@code example:greet osgi} prints {@code Hello, osgi!}. */
    public String greet(String name) {
        return math().greet(name);
    }

    /** Prints the namespace, version, generation and platform of the bound library. */
    public String source() {
        Map<String, Object> p = current().properties();
        return p.get(NativeBundleConstants.NAMESPACE) + " " + p.get(NativeBundleConstants.VERSION)
                + " generation " + p.get(NativeBundleConstants.GENERATION)
                + " on " + p.get(NativeBundleConstants.PLATFORM);
    }

    private MathLib math() {
        return current().math();
    }

    private Binding current() {
        Binding b = binding;
        if (b == null) {
            throw new IllegalStateException("the native math library is not available");
        }
        return b;
    }
}
