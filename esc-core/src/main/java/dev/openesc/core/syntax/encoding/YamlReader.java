package dev.openesc.core.syntax.encoding;

import dev.openesc.core.syntax.Diagnostic;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads YAML bytes into a {@link YamlNode} document, turning every way the input can be bad (too large, not
 * UTF-8, malformed, too deep) into one error diagnostic instead of an exception.
 */
final class YamlReader {
    /**
     * Parser settings, shared: building them is costly (a fresh schema each time) next to reading a small document.
     * The source label is left empty because our diagnostics never quote snakeyaml's marks; the size limit is
     * ours ({@link DecodeOptions#maxDocumentBytes}), checked before parsing.
     */
    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setParseComments(true)
            .setCodePointLimit(Integer.MAX_VALUE)
            .setUseMarks(true)
            .build();

    /**
     * The same without comments, for decoding that keeps no comments ({@link YamlDecoder#decodeSyntaxOnly}): the
     * scanner then skips comments and blank lines instead of turning each into an event for the tree builder.
     */
    private static final LoadSettings SETTINGS_WITHOUT_COMMENTS = LoadSettings.builder()
            .setParseComments(false)
            .setCodePointLimit(Integer.MAX_VALUE)
            .setUseMarks(true)
            .build();

    private YamlReader() {}

    /** Either a document (null when the stream holds none) or the error that stopped reading. */
    record Result(YamlNode document, Diagnostic error) {}

    static Result read(String filename, byte[] source, DecodeOptions options) {
        return read(filename, source, options, true);
    }

    /** Reads as {@link #read(String, byte[], DecodeOptions)}; without {@code comments}, comments are skipped. */
    static Result read(String filename, byte[] source, DecodeOptions options, boolean comments) {
        return read(filename, source, options, comments, !comments);
    }

    /**
     * Reads as {@link #read(String, byte[], DecodeOptions, boolean)}, trying {@link BlockYamlScanner} first only when
     * {@code ownScanner} (which needs comments skipped); tests turn it off to compare it with snakeyaml-engine.
     */
    static Result read(String filename, byte[] source, DecodeOptions options, boolean comments, boolean ownScanner) {
        if (source.length > options.maxDocumentBytes()) {
            return failure("yaml: document is " + source.length + " bytes, larger than the limit of "
                    + options.maxDocumentBytes() + " bytes");
        }
        String text;
        try {
            text = strictUtf8(source);
        } catch (CharacterCodingException e) {
            return failure(invalidUtf8(source));
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (ownScanner && !comments) {
            // the common subset (block collections, one-line flow values) is read by a scanner of our own;
            // snakeyaml-engine reads everything else
            YamlNode document = BlockYamlScanner.read(text, options.maxDepth());
            if (document != null) {
                return new Result(document, null);
            }
        }
        return parse(text, options, comments);
    }

    /** Reads {@code text} with snakeyaml-engine: every document outside {@link BlockYamlScanner}'s subset. */
    private static Result parse(String text, DecodeOptions options, boolean comments) {
        try {
            LoadSettings settings = comments ? SETTINGS : SETTINGS_WITHOUT_COMMENTS;
            ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
            return new Result(new YamlTreeBuilder(parser, text, options.maxDepth(), !comments).build(), null);
        } catch (YamlTreeBuilder.TooDeepException e) {
            return failure("yaml: line " + e.line + ", column " + e.column + ": nesting is deeper than the limit of "
                    + options.maxDepth() + " levels");
        } catch (ReaderException e) {
            int[] lc = lineColumn(text, e.getPosition());
            return failure("yaml: line " + lc[0] + ", column " + lc[1] + ": control characters are not allowed");
        } catch (MarkedYamlEngineException e) {
            return failure(YamlErrorMessages.describe(e));
        } catch (YamlEngineException e) {
            return failure("yaml: " + e.getMessage());
        } catch (StackOverflowError e) {
            return failure("yaml: document is nested too deeply to read");
        }
    }

    private static Result failure(String summary) {
        return new Result(null, Diagnostic.error(null, summary, ""));
    }

    private static String strictUtf8(byte[] source) throws CharacterCodingException {
        // The lenient decoder is much cheaper (no intermediate char buffer) and replaces bad input with U+FFFD; only
        // a text containing that character (bad input, or a legitimate U+FFFD) is decoded again, strictly.
        String lenient = new String(source, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(ByteBuffer.wrap(source)).toString();
    }

    /** Locates the first byte that is not valid UTF-8 and says where it is. */
    private static String invalidUtf8(byte[] source) {
        int line = 1;
        int column = 1;
        int i = 0;
        while (i < source.length) {
            int b = source[i] & 0xFF;
            int len = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3
                    : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            String where = "yaml: line " + line + ", column " + column + " (byte " + i + "): ";
            if (len == 0) {
                return where + "invalid leading UTF-8 octet";
            }
            if (i + len > source.length) {
                return where + "incomplete UTF-8 octet sequence";
            }
            int cp = len == 1 ? b : b & (0xFF >> (len + 1));
            for (int k = 1; k < len; k++) {
                int t = source[i + k] & 0xFF;
                if ((t & 0xC0) != 0x80) {
                    return where + "invalid trailing UTF-8 octet";
                }
                cp = (cp << 6) | (t & 0x3F);
            }
            if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000
                    || cp > 0x10FFFF))) {
                return where + "invalid Unicode character";
            }
            if (b == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += len;
        }
        return "yaml: invalid UTF-8";
    }

    /** 1-based line and column of a code point index in text. */
    private static int[] lineColumn(String text, int codePointIndex) {
        int line = 1;
        int column = 1;
        int cp = 0;
        for (int i = 0; i < text.length() && cp < codePointIndex; cp++) {
            int c = text.codePointAt(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += Character.charCount(c);
        }
        return new int[] {line, column};
    }
}
