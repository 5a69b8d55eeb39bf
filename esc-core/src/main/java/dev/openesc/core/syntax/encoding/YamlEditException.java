package dev.openesc.core.syntax.encoding;

/** An edit that cannot be applied (bad path, wrong container type, index out of range); the message is for users. */
public class YamlEditException extends Exception {
    public YamlEditException(String message) {
        super(message);
    }
}
