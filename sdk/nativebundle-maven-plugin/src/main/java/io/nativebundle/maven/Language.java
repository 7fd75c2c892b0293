package io.nativebundle.maven;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The source languages this plugin compiles, by file extension, with their compiler names. */
enum Language {
    /** C, compiled as {@code -std=c11} unless an option names another standard. */
    C("C compiler", "gcc", "CC_", "-std=c11", ".c"),
    /** C++, compiled as {@code -std=c++17}; the exported functions must be {@code extern "C"}. */
    CXX("C++ compiler", "g++", "CXX_", "-std=c++17", ".cc", ".cpp", ".cxx");

    private final String description;
    private final String driver;
    private final String envPrefix;
    private final String standard;
    private final String[] extensions;

    Language(String description, String driver, String envPrefix, String standard, String... extensions) {
        this.description = description;
        this.driver = driver;
        this.envPrefix = envPrefix;
        this.standard = standard;
        this.extensions = extensions;
    }

    /** The language of a source file, or empty for a header or any other file. */
    static Optional<Language> of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            for (String extension : language.extensions) {
                if (name.endsWith(extension)) {
                    return Optional.of(language);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code C compiler}, for messages. */
    String description() {
        return description;
    }

    /** The GCC driver: {@code gcc} or {@code g++}; a cross one is prefixed with the triple. */
    String driver() {
        return driver;
    }

    /** {@code CC_} or {@code CXX_}, completed by the target's suffix: {@code CC_AARCH64}. */
    String envPrefix() {
        return envPrefix;
    }

    /** The default {@code -std=} option. */
    String standard() {
        return standard;
    }
}
