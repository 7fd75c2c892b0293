package io.nativebundle.contract;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The table of names and ids every reader of the contract must agree on: the rule here, the bnd
 * plugin and the wrapper (their tests read this class from the contract's test jar).
 */
public final class ContractCases {

    /** Library name to whether it is valid. */
    public static final Map<String, Boolean> LIBRARY_NAMES = new LinkedHashMap<>();
    /** Tenant id to whether it is valid. */
    public static final Map<String, Boolean> TENANT_IDS = new LinkedHashMap<>();

    static {
        LIBRARY_NAMES.put("math", true);
        LIBRARY_NAMES.put("z", true);
        LIBRARY_NAMES.put("Z3", true);
        LIBRARY_NAMES.put("lib_math-2.0", true);
        LIBRARY_NAMES.put("9p", true);
        LIBRARY_NAMES.put("stdc++", false);
        LIBRARY_NAMES.put("c+", false);
        LIBRARY_NAMES.put("_private", false);
        LIBRARY_NAMES.put("-dash", false);
        LIBRARY_NAMES.put(".hidden", false);
        LIBRARY_NAMES.put("a/b", false);
        LIBRARY_NAMES.put("a b", false);
        LIBRARY_NAMES.put("caf\u00e9", false);

        TENANT_IDS.put("acme", true);
        TENANT_IDS.put("default", true);
        TENANT_IDS.put("a", true);
        TENANT_IDS.put("team-42", true);
        TENANT_IDS.put("0day", true);
        TENANT_IDS.put("x".repeat(63), true);
        TENANT_IDS.put("x".repeat(64), false);
        TENANT_IDS.put("Acme", false);
        TENANT_IDS.put("ac_me", false);
        TENANT_IDS.put("ac.me", false);
        TENANT_IDS.put("-acme", false);
        TENANT_IDS.put("acme-", false);
        TENANT_IDS.put("ac me", false);
        TENANT_IDS.put("", false);
    }

    private ContractCases() {
    }
}
