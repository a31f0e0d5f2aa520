package app.steady.platform.keys;

/**
 * The value of a key-topic record (JSON), keyed by {@code keyId}: the key wrapped by a master key version, and the
 * client's keyed digest, so a consumer can forget a client's keys at erasure without any id in clear. A record with
 * no value is the key's tombstone.
 */
record KeyTopicRecord(String keyId, String subject, String wrapped, String producer) {
}
