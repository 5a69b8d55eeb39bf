package dev.openesc.server.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads the AES-GCM keys out of a serialized Tink {@code Keyset} (protobuf wire format), without Tink's registry or
 * protobuf's runtime, for decryption only. It accepts exactly the keysets {@link OrgKeyring} writes: every key an
 * AES-GCM key ({@code type.googleapis.com/google.crypto.tink.AesGcmKey}, version 0, symmetric, 16, 24 or 32 bytes)
 * with Tink's output prefix, enabled or disabled, ids distinct, and an enabled primary. Anything else (another key
 * type or prefix, a destroyed key, a field it does not know) makes {@link #enabledKeys} return null, and the caller
 * uses Tink itself, which then decides and reports as before.
 */
final class AesGcmKeyset {

    private static final String AES_GCM_TYPE = "type.googleapis.com/google.crypto.tink.AesGcmKey";
    private static final int ENABLED = 1;
    private static final int DISABLED = 2;
    private static final int TINK_PREFIX = 1;
    private static final int SYMMETRIC = 1;
    private static final int WIRE_VARINT = 0;
    private static final int WIRE_BYTES = 2;

    private AesGcmKeyset() {
    }

    /** The enabled keys by key id, or null if the keyset is not of the accepted shape. */
    static Map<Integer, SecretKeySpec> enabledKeys(byte[] keyset) {
        try {
            return read(new Wire(keyset, 0, keyset.length));
        } catch (IndexOutOfBoundsException | IllegalStateException malformed) {
            return null;
        }
    }

    /** The {@code encrypted_keyset} field of a serialized {@code EncryptedKeyset}, or null if it has none. */
    static byte[] encryptedKeyset(byte[] encryptedKeysetMessage) {
        try {
            Wire wire = new Wire(encryptedKeysetMessage, 0, encryptedKeysetMessage.length);
            byte[] encrypted = null;
            while (wire.more()) {
                int tag = wire.varint32();
                if (tag == (2 << 3 | WIRE_BYTES) && encrypted == null) {
                    encrypted = wire.bytes();
                } else if (tag == (3 << 3 | WIRE_BYTES)) {
                    wire.skipBytes(); // keyset_info: ids and type names, which the keyset itself repeats
                } else {
                    return null;
                }
            }
            return encrypted;
        } catch (IndexOutOfBoundsException | IllegalStateException malformed) {
            return null;
        }
    }

    private static Map<Integer, SecretKeySpec> read(Wire keyset) {
        Integer primary = null;
        Map<Integer, SecretKeySpec> enabled = new HashMap<>();
        Set<Integer> ids = new HashSet<>();
        while (keyset.more()) {
            int tag = keyset.varint32();
            if (tag == (1 << 3 | WIRE_VARINT) && primary == null) {
                primary = keyset.varint32();
            } else if (tag == (2 << 3 | WIRE_BYTES)) {
                Key key = key(keyset.message());
                if (key == null || !ids.add(key.id)) {
                    return null;
                }
                if (key.spec != null) {
                    enabled.put(key.id, key.spec);
                }
            } else {
                return null;
            }
        }
        return primary != null && enabled.containsKey(primary) ? enabled : null;
    }

    /** One key: its id, and its AES key if enabled (null if disabled); null if not of the accepted shape. */
    private static Key key(Wire key) {
        Wire material = null;
        int status = -1;
        Integer id = null;
        int prefix = -1;
        while (key.more()) {
            int tag = key.varint32();
            if (tag == (1 << 3 | WIRE_BYTES) && material == null) {
                material = keyData(key.message());
                if (material == null) {
                    return null;
                }
            } else if (tag == (2 << 3 | WIRE_VARINT) && status < 0) {
                status = key.varint32();
            } else if (tag == (3 << 3 | WIRE_VARINT) && id == null) {
                id = key.varint32();
            } else if (tag == (4 << 3 | WIRE_VARINT) && prefix < 0) {
                prefix = key.varint32();
            } else {
                return null;
            }
        }
        if (material == null || id == null || prefix != TINK_PREFIX || status != ENABLED && status != DISABLED) {
            return null;
        }
        // The size is checked for disabled keys too: Tink would refuse a bad one. The spec copies the bytes out of the
        // decrypted keyset, which the caller zeroes.
        SecretKeySpec spec = material.aesKey();
        return spec == null ? null : new Key(id, status == ENABLED ? spec : null);
    }

    /** Where the AES key bytes of a {@code KeyData} holding an {@code AesGcmKey} are, or null. */
    private static Wire keyData(Wire data) {
        String type = null;
        Wire value = null;
        int materialType = -1;
        while (data.more()) {
            int tag = data.varint32();
            if (tag == (1 << 3 | WIRE_BYTES) && type == null) {
                type = new String(data.bytes(), StandardCharsets.UTF_8);
            } else if (tag == (2 << 3 | WIRE_BYTES) && value == null) {
                value = data.message();
            } else if (tag == (3 << 3 | WIRE_VARINT) && materialType < 0) {
                materialType = data.varint32();
            } else {
                return null;
            }
        }
        if (!AES_GCM_TYPE.equals(type) || value == null || materialType != SYMMETRIC) {
            return null;
        }
        return aesGcmKey(value);
    }

    /** Where the {@code key_value} of an {@code AesGcmKey} of version 0 is, or null. */
    private static Wire aesGcmKey(Wire key) {
        Wire keyValue = null;
        while (key.more()) {
            int tag = key.varint32();
            if (tag == (1 << 3 | WIRE_VARINT)) {
                if (key.varint32() != 0) {
                    return null;
                }
            } else if (tag == (3 << 3 | WIRE_BYTES) && keyValue == null) {
                keyValue = key.message();
            } else {
                return null;
            }
        }
        return keyValue;
    }

    private record Key(int id, SecretKeySpec spec) {
    }

    /** A cursor over protobuf wire data: varints and length-delimited fields, bounds checked. */
    private static final class Wire {
        private final byte[] buffer;
        private int position;
        private final int end;

        Wire(byte[] buffer, int position, int end) {
            this.buffer = buffer;
            this.position = position;
            this.end = end;
        }

        boolean more() {
            return position < end;
        }

        /** A varint that fits 32 bits unsigned (a tag, an enum, a key id). */
        int varint32() {
            long value = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                if (position >= end) {
                    throw new IllegalStateException("truncated varint");
                }
                byte b = buffer[position++];
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    if (value > 0xffffffffL) {
                        throw new IllegalStateException("varint too large");
                    }
                    return (int) value;
                }
            }
            throw new IllegalStateException("varint too long");
        }

        private int length() {
            int length = varint32();
            if (length < 0 || length > end - position) {
                throw new IllegalStateException("length out of bounds");
            }
            return length;
        }

        byte[] bytes() {
            int length = length();
            byte[] out = Arrays.copyOfRange(buffer, position, position + length);
            position += length;
            return out;
        }

        void skipBytes() {
            position += length();
        }

        /** The rest of this field as an AES key of a size Tink's AES-GCM takes (16, 24 or 32 bytes), or null. */
        SecretKeySpec aesKey() {
            int length = end - position;
            return length == 16 || length == 24 || length == 32
                    ? new SecretKeySpec(buffer, position, length, "AES") : null;
        }

        /** A length-delimited field (a message, or bytes read in place). */
        Wire message() {
            int length = length();
            Wire inner = new Wire(buffer, position, position + length);
            position += length;
            return inner;
        }
    }
}
