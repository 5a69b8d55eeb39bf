package dev.openesc.core.syntax.encoding;

/**
 * Limits applied while decoding untrusted YAML.
 *
 * @param maxDocumentBytes documents larger than this are refused without being parsed
 * @param maxDepth the deepest nesting of collections accepted
 */
public record DecodeOptions(long maxDocumentBytes, int maxDepth) {
    public static final long DEFAULT_MAX_DOCUMENT_BYTES = 16L * 1024 * 1024;
    public static final int DEFAULT_MAX_DEPTH = 1000;
    public static final DecodeOptions DEFAULTS = new DecodeOptions(DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_DEPTH);

    public DecodeOptions {
        if (maxDocumentBytes < 0 || maxDepth < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
