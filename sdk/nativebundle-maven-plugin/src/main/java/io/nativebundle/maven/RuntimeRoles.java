package io.nativebundle.maven;

import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;

import io.nativebundle.definition.CoreBundle.Role;

/** The {@code roles} parameter of the goals that read the runtime definition. */
final class RuntimeRoles {

    private RuntimeRoles() {
    }

    /**
     * The roles named by their labels ({@code core}, {@code wrap}, ...); none means every role that is not
     * optional ({@code remote} is taken only when named).
     *
     * @throws MojoFailureException naming the goal, the unknown label and the known ones
     */
    static Role[] parse(String goal, List<String> labels) throws MojoFailureException {
        List<Role> parsed = new ArrayList<>();
        for (String label : labels == null ? List.<String>of() : labels) {
            try {
                parsed.add(Role.of(label.trim()));
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException("[nativebundle] " + goal + ": " + e.getMessage(), e);
            }
        }
        return parsed.toArray(new Role[0]);
    }
}
