package app.steady.platform.privacy;

/**
 * What one erasure actually removed from one place, as the store reported it (never inferred): {@code documents}
 * deleted or emptied of the client in the collection {@code where}, and encryption {@code keys} destroyed there;
 * {@code keyTopicTombstone}, where the tombstone of a destroyed event data key landed on the key topic.
 */
public record ErasedPart(String where, long documents, long keys, String keyTopicTombstone) {

    public ErasedPart(String where, long documents, long keys) {
        this(where, documents, keys, null);
    }

    public static ErasedPart documents(String collection, long count) {
        return new ErasedPart(collection, count, 0);
    }

    public static ErasedPart keys(String collection, long count) {
        return new ErasedPart(collection, 0, count);
    }
}

