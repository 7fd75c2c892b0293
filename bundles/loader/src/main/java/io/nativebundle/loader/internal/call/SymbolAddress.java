package io.nativebundle.loader.internal.call;

import com.kenai.jffi.Library;

/**
 * The address of a symbol together with the jffi {@link Library} it lies in. jffi unmaps a
 * library ({@code dlclose}) only once its {@code Library} is garbage, so as long as a call holds
 * this object the address stays valid; guards drop it on cut and fence it during calls.
 */
public record SymbolAddress(long address, Library library) {
}
