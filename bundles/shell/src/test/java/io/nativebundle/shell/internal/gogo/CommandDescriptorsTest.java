package io.nativebundle.shell.internal.gogo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.junit.Test;

/**
 * What {@code help native:<cmd>} shows comes from the annotations; what Gogo calls comes from the
 * public methods and the component's {@code osgi.command.function} list. These must agree.
 */
public class CommandDescriptorsTest {

    private static final Set<String> COMMANDS = Set.of("list", "info", "symbols", "call", "get", "set", "stats", "verify", "lock");
    private static final Set<String> WRAP_COMMANDS = Set.of("wrap", "sign", "refused");

    @Test
    public void theComponentDeclaresScopeNativeAndEveryCommand() throws Exception {
        assertFunctions(NativeCommands.class, COMMANDS);
        assertFunctions(WrapCommands.class, WRAP_COMMANDS);
    }

    private static void assertFunctions(Class<?> component, Set<String> commands) throws Exception {
        // written by bnd from @Component during process-classes, before the tests run
        Path xml = Path.of("target/classes/OSGI-INF/" + component.getName() + ".xml");
        String descriptor = Files.readString(xml);
        assertTrue(descriptor, descriptor.contains("name=\"osgi.command.scope\" type=\"String\" value=\"native\""));
        Matcher m = Pattern.compile("name=\"osgi.command.function\" type=\"String\">([^<]*)<").matcher(descriptor);
        assertTrue(descriptor, m.find());
        assertEquals(commands, new TreeSet<>(Arrays.asList(m.group(1).strip().split("\\s+"))));
    }

    @Test
    public void everyPublicMethodIsADescribedCommand() {
        assertDescribed(NativeCommands.class, COMMANDS);
        assertDescribed(WrapCommands.class, WRAP_COMMANDS);
    }

    @Test
    public void everyWayToWrapTakesTheSameSigningOptionsAsSign() {
        Set<String> signing = Set.of("--storetype", "--storepass", "--alias", "--keypass");
        for (Method method : WrapCommands.class.getMethods()) {
            Set<String> options = new TreeSet<>();
            Arrays.stream(method.getParameterAnnotations()).flatMap(Arrays::stream).filter(a -> a instanceof Parameter)
                    .forEach(a -> options.addAll(Arrays.asList(((Parameter) a).names())));
            if (method.getName().equals("wrap")) {
                Set<String> expected = new TreeSet<>(signing);
                expected.add("--sign");
                assertEquals(method.toString(), expected, options);
            } else if (method.getName().equals("sign")) {
                assertEquals(method.toString(), new TreeSet<>(signing), options);
            }
        }
    }

    private static void assertDescribed(Class<?> component, Set<String> commands) {
        Set<String> seen = new TreeSet<>();
        for (Method method : component.getDeclaredMethods()) {
            if (!Modifier.isPublic(method.getModifiers())) {
                continue;
            }
            // Gogo calls any public method whose name matches, so there must be no others
            assertTrue(method + " is public but not a command", commands.contains(method.getName()));
            seen.add(method.getName());
            assertNotNull(method + " has no @Descriptor", method.getAnnotation(Descriptor.class));
            Annotation[][] annotations = method.getParameterAnnotations();
            boolean positional = false;
            for (int i = 0; i < annotations.length; i++) {
                if (method.getParameterTypes()[i] == CommandSession.class) {
                    continue;
                }
                List<Annotation> list = Arrays.asList(annotations[i]);
                assertTrue(method + " parameter " + i + " has no @Descriptor",
                        list.stream().anyMatch(a -> a instanceof Descriptor));
                Parameter option = (Parameter) list.stream().filter(a -> a instanceof Parameter).findFirst().orElse(null);
                if (option == null) {
                    positional = true;
                } else {
                    // Gogo puts option values before the positional arguments
                    assertTrue(method + ": options must precede positional parameters", !positional);
                    assertTrue(Arrays.toString(option.names()), option.names()[0].startsWith("--"));
                }
            }
        }
        assertEquals(commands, seen);
    }

    @Test
    public void everyListingHasAJsonFlag() {
        for (String name : List.of("list", "info", "symbols", "stats", "verify")) {
            Method method = Arrays.stream(NativeCommands.class.getMethods()).filter(m -> m.getName().equals(name))
                    .findFirst().orElseThrow();
            boolean json = Arrays.stream(method.getParameterAnnotations()).flatMap(Arrays::stream)
                    .filter(a -> a instanceof Parameter).map(a -> (Parameter) a)
                    .anyMatch(p -> Arrays.asList(p.names()).contains("--json") && p.presentValue().equals("true"));
            assertTrue(name + " has no --json flag", json);
        }
    }
}
