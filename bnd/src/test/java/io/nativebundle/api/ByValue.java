package io.nativebundle.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The API's {@code @ByValue} as the fixtures see it: the plugin reads annotations by name, and the
 * api bundle is built with this plugin, so it cannot be a dependency of its tests.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.METHOD})
public @interface ByValue {
}
