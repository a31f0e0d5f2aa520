package app.steady.platform.keys;

import javax.crypto.SecretKey;

/** A client's event data key: {@code keyId} names it in sealed events and on the key topic. */
public record DataKey(String keyId, SecretKey key) {

    @Override
    public String toString() {
        return "DataKey[" + keyId + "]";
    }
}
