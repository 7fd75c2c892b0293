package io.nativebundle.loader.internal.remote;

/**
 * The names of the OSGi Remote Services specification (chapter 100, {@code RemoteConstants}) and of
 * Apache Aries RSA's TCP provider the loader writes and reads. Written here once: the loader does
 * not import the Remote Services API, because Aries is an optional role and the loader runs without it.
 */
final class RemoteProperties {

    /** The interfaces a service offers to other frameworks; what makes the topology manager export it. */
    static final String SERVICE_EXPORTED_INTERFACES = "service.exported.interfaces";
    /** The distribution configuration types an export may use. */
    static final String SERVICE_EXPORTED_CONFIGS = "service.exported.configs";
    /** The intents an export requires. */
    static final String SERVICE_EXPORTED_INTENTS = "service.exported.intents";
    /** Set on every imported service by the distribution provider. */
    static final String SERVICE_IMPORTED = "service.imported";
    /** An endpoint description's configuration types, e.g. {@link #ARIES_TCP}. */
    static final String SERVICE_IMPORTED_CONFIGS = "service.imported.configs";
    /** An endpoint description's id: for the TCP provider its address, {@code tcp://host:port}. */
    static final String ENDPOINT_ID = "endpoint.id";
    /** The exporting framework's {@code org.osgi.framework.uuid}. */
    static final String ENDPOINT_FRAMEWORK_UUID = "endpoint.framework.uuid";
    /** The exported service's id in the exporting framework. */
    static final String ENDPOINT_SERVICE_ID = "endpoint.service.id";
    /** The synchronous-call intent every provider supports, and its timeout property (milliseconds). */
    static final String INTENT_BASIC = "osgi.basic";
    static final String BASIC_TIMEOUT = "osgi.basic.timeout";

    /** Aries RSA's TCP provider: its configuration type. */
    static final String ARIES_TCP = "aries.tcp";
    /** Aries TCP: the host name put into the endpoint id. */
    static final String ARIES_HOSTNAME = "aries.rsa.hostname";
    /** Aries TCP: the port an export listens on; 0 (the default) is any free port. */
    static final String ARIES_PORT = "aries.rsa.port";
    /** Aries TCP: how many calls an export serves at once. */
    static final String ARIES_THREADS = "aries.rsa.numThreads";

    /** The Config Admin factory PID of Aries RSA's static config discovery: one configuration per endpoint. */
    static final String CONFIG_DISCOVERY_PID = "org.apache.aries.rsa.discovery.config";

    private RemoteProperties() {
    }
}
