package dev.openesc.cli.env;

import java.util.ArrayList;
import java.util.List;

/** Splits an editor setting such as {@code code -w} or {@code "my editor" --flag} into its words. */
final class EditorCommand {
    private EditorCommand() {}

    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                if (word == null) {
                    word = new StringBuilder();
                }
            } else if (!quoted && Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                (word == null ? word = new StringBuilder() : word).append('"');
                i++;
            } else {
                (word == null ? word = new StringBuilder() : word).append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
