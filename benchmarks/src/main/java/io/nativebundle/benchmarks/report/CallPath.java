package io.nativebundle.benchmarks.report;

import java.util.List;

/**
 * The ways of calling the math functions that the call benchmarks compare, in table order,
 * and the JMH benchmarks that measure each: {@code <Class>.<function>[_<variant>]}.
 */
public enum CallPath {
    JNI("JNI, hand-written", "JniBench", ""),
    JNR_DEFAULT("jnr-ffi raw, default", "JnrBench", "default"),
    JNR_IGNORE_ERROR("jnr-ffi raw, IgnoreError", "JnrBench", "ignoreError"),
    SERVICE_OFF("typed service, metrics off", "ServiceBench", "metricsOff"),
    SERVICE_ON("typed service, metrics on", "ServiceBench", "metricsOn"),
    SERVICE_LEAF("typed service, leaves declared (jnr: an ordinary call)", "ServiceBench", "leaf"),
    FUNCTION_TYPED("NativeFunction typed adapter", "FunctionBench", "typed"),
    FUNCTION_INVOKE("NativeFunction invoke(Object...)", "FunctionBench", "invoke"),
    JNA_DIRECT("JNA direct (Native.register)", "JnaBench", "direct"),
    JNA_INTERFACE("JNA interface (Native.load)", "JnaBench", "interface"),
    FFM_RAW("FFM raw downcallHandle (Java 22+)", "FfmRawBench", "downcall"),
    FFM_RAW_CRITICAL("FFM raw, critical (leaf; Java 22+)", "FfmRawBench", "critical"),
    FFM_SERVICE_OFF("typed service on FFM, metrics off (Java 22+)", "FfmServiceBench", "metricsOff"),
    FFM_SERVICE_ON("typed service on FFM, metrics on (Java 22+)", "FfmServiceBench", "metricsOn"),
    FFM_SERVICE_LEAF("typed service on FFM, leaves declared: critical (Java 22+)", "FfmServiceBench", "leaf");

    /** The three C functions every path calls. */
    public static final List<String> FUNCTIONS = List.of("add", "noop", "length");

    private static final String PACKAGE = "io.nativebundle.benchmarks.calls";

    private final String label;
    private final String benchClass;
    private final String variant;

    CallPath(String label, String benchClass, String variant) {
        this.label = label;
        this.benchClass = benchClass;
        this.variant = variant;
    }

    public String label() {
        return label;
    }

    /** The JMH benchmark name of this path for one function, e.g. {@code ...calls.JnrBench.add_default}. */
    public String benchmark(String function) {
        return PACKAGE + "." + benchClass + "." + (variant.isEmpty() ? function : function + "_" + variant);
    }

    /** The JMH include pattern of this path's three benchmarks. */
    public String includePattern() {
        return "^" + PACKAGE.replace(".", "\\.") + "\\." + benchClass + "\\.(add|noop|length)"
                + (variant.isEmpty() ? "" : "_" + variant) + "$";
    }
}
