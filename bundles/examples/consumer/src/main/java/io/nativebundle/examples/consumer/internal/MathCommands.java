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
 *
 * <p>The commands print their result rather than return it: Gogo and Apache Karaf's shell both
 * route {@code System.out} to the session, but Karaf prints no result of a command run through
 * its client ({@code bin/client 'example:add 2 3'}) and takes an {@code Integer} for an exit code.
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
    public void add(int a, int b) {
        System.out.println(math().add(a, b));
    }

    /** {@code example:multiply 6 7} prints {@code 42}. */
    public void multiply(int a, int b) {
        System.out.println(math().multiply(a, b));
    }

    /** {@code example:greet osgi} prints {@code Hello, osgi!}. */
    public void greet(String name) {
        System.out.println(math().greet(name));
    }

    /** Prints the namespace, version, generation and platform of the bound library. */
    public void source() {
        Map<String, Object> p = current().properties();
        System.out.println(p.get(NativeBundleConstants.NAMESPACE) + " " + p.get(NativeBundleConstants.VERSION)
                + " generation " + p.get(NativeBundleConstants.GENERATION)
                + " on " + p.get(NativeBundleConstants.PLATFORM));
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
