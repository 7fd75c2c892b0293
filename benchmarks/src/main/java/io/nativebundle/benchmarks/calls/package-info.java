/**
 * JMH call-overhead benchmarks, one class per way of calling the same three C functions of the
 * math example ({@code int add(int,int)}, {@code void noop(void)}, {@code int length(const char*)}).
 * Method names are {@code <function>_<variant>}; the runner turns them into the results table.
 */
package io.nativebundle.benchmarks.calls;
