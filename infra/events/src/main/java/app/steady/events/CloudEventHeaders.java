package app.steady.events;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding, binary content mode.
 * Values are UTF-8 strings.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON_CONTENT_TYPE = "application/json";

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** Extension attribute: the provider (tenant) the event belongs to. */
    public static final String TENANT = "ce_tenant";
    /** Extension attribute (CloudEvents distributed-tracing extension): W3C trace context of the cause. */
    public static final String TRACEPARENT = "ce_traceparent";
    /** In binary mode the data content type travels as the Kafka {@code content-type} header. */
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }
}
