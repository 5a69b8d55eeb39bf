package dev.openesc.cli.script;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The little shell the reference's CLI scripts are written in: lines of commands joined by {@code &&}, {@code ||}
 * and {@code |}, {@code ( ... )} groups, {@code > file}, single and double quotes, {@code $( ... )}, and the
 * built-ins {@code echo}, {@code printf} and {@code exit}. Like the reference's runner ({@code sh -e}), the first
 * command that fails outside a condition ends the script with its status. {@code esc} runs through
 * {@link EscInvoker}, in-process.
 */
final class ScriptShell {
    /** Runs one {@code esc} command line. */
    interface EscInvoker {
        int run(List<String> args, byte[] stdin, ByteArrayOutputStream stdout, ByteArrayOutputStream stderr);
    }

    /** The script ended early: {@code exit N}, or a failing command under {@code -e}. */
    static final class Exit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Exit(int status) {
            super("exit status " + status, null, false, false);
            this.status = status;
        }
    }

    private final EscInvoker esc;
    private final Path directory;
    private final ByteArrayOutputStream stderr;

    ScriptShell(EscInvoker esc, Path directory, ByteArrayOutputStream stderr) {
        this.esc = esc;
        this.directory = directory;
        this.stderr = stderr;
    }

    /** Runs a whole script; returns its exit status. */
    int runScript(String script, ByteArrayOutputStream stdout) {
        try {
            for (String line : script.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                List<Token> tokens = tokenize(line.trim());
                int status = list(new Cursor(tokens), new byte[0], stdout, true);
                if (status != 0) {
                    return status;
                }
            }
            return 0;
        } catch (Exit e) {
            return e.status;
        }
    }

    // ---- parsing and running together: the grammar is small enough ------------------------------------------

    private record Token(String text, boolean operator) {}

    private static final class Cursor {
        final List<Token> tokens;
        int at;

        Cursor(List<Token> tokens) {
            this.tokens = tokens;
        }

        Token peek() {
            return at < tokens.size() ? tokens.get(at) : null;
        }

        boolean isOp(String op) {
            Token t = peek();
            return t != null && t.operator && t.text.equals(op);
        }
    }

    /** list := pipeline (('&&' | '||') pipeline)* ; -e applies only to the last pipeline of a list. */
    private int list(Cursor c, byte[] stdin, ByteArrayOutputStream stdout, boolean errexit) {
        int status = pipeline(c, stdin, stdout);
        // Like sh -e: only a failure of the last pipeline of an && / || list ends the script.
        boolean fromLast = true;
        while (c.isOp("&&") || c.isOp("||")) {
            boolean and = c.peek().text.equals("&&");
            c.at++;
            if ((and && status == 0) || (!and && status != 0)) {
                status = pipeline(c, stdin, stdout);
                fromLast = true;
            } else {
                skipPipeline(c);
                fromLast = false;
            }
        }
        if (errexit && fromLast && status != 0) {
            throw new Exit(status);
        }
        return status;
    }

    private void skipPipeline(Cursor c) {
        int depth = 0;
        while (c.peek() != null) {
            Token t = c.peek();
            if (t.operator && t.text.equals("(")) {
                depth++;
            } else if (t.operator && t.text.equals(")")) {
                if (depth == 0) {
                    return;
                }
                depth--;
            } else if (depth == 0 && t.operator && (t.text.equals("&&") || t.text.equals("||"))) {
                return;
            }
            c.at++;
        }
    }

    private int pipeline(Cursor c, byte[] stdin, ByteArrayOutputStream stdout) {
        byte[] input = stdin;
        while (true) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = command(c, input, out);
            if (c.isOp("|")) {
                c.at++;
                input = out.toByteArray();
                continue;
            }
            stdout.writeBytes(out.toByteArray());
            return status;
        }
    }

    private int command(Cursor c, byte[] stdin, ByteArrayOutputStream stdout) {
        if (c.isOp("(")) {
            c.at++;
            int status;
            try {
                status = list(c, stdin, stdout, true);
            } catch (Exit e) {
                status = e.status;
            }
            if (!c.isOp(")")) {
                throw new IllegalStateException("missing )");
            }
            c.at++;
            return status;
        }
        List<String> words = new ArrayList<>();
        String redirect = null;
        while (c.peek() != null && !(c.peek().operator && !c.peek().text.equals(">") && !c.peek().text.equals("<"))) {
            Token t = c.peek();
            c.at++;
            if (t.operator && t.text.equals("<")) {
                try {
                    stdin = Files.readAllBytes(directory.resolve(expand(c.peek().text)));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                c.at++;
            } else if (t.operator) {
                redirect = expand(c.peek().text);
                c.at++;
            } else {
                words.add(expand(t.text));
            }
        }
        ByteArrayOutputStream out = redirect == null ? stdout : new ByteArrayOutputStream();
        int status = simple(words, stdin, out);
        if (redirect != null) {
            try {
                Files.write(directory.resolve(redirect), out.toByteArray());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return status;
    }

    private int simple(List<String> words, byte[] stdin, ByteArrayOutputStream stdout) {
        if (words.isEmpty()) {
            return 0;
        }
        String name = words.get(0);
        List<String> args = words.subList(1, words.size());
        switch (name) {
            case "echo" -> {
                boolean newline = true;
                boolean escapes = false;
                List<String> rest = new ArrayList<>(args);
                while (!rest.isEmpty() && (rest.get(0).equals("-n") || rest.get(0).equals("-e"))) {
                    newline &= !rest.get(0).equals("-n");
                    escapes |= rest.get(0).equals("-e");
                    rest.remove(0);
                }
                String text = String.join(" ", rest);
                if (escapes) {
                    text = text.replace("\\n", "\n").replace("\\t", "\t");
                }
                stdout.writeBytes((text + (newline ? "\n" : "")).getBytes(StandardCharsets.UTF_8));
                return 0;
            }
            case "printf" -> {
                stdout.writeBytes(printf(args).getBytes(StandardCharsets.UTF_8));
                return 0;
            }
            case "exit" -> throw new Exit(args.isEmpty() ? 0 : Integer.parseInt(args.get(0)));
            case "esc" -> {
                return esc.run(new ArrayList<>(words), stdin, stdout, stderr);
            }
            default -> {
                stderr.writeBytes(("script: unknown command " + name + "\n").getBytes(StandardCharsets.UTF_8));
                return 127;
            }
        }
    }

    private static String printf(List<String> args) {
        if (args.isEmpty()) {
            return "";
        }
        String format = args.get(0).replace("\\n", "\n").replace("\\t", "\t");
        int next = 1;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch == '%' && i + 1 < format.length() && format.charAt(i + 1) == 's') {
                b.append(next < args.size() ? args.get(next++) : "");
                i++;
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    // ---- words ------------------------------------------------------------------------------------------------

    /** Marks where a word had a command substitution: {@code \u0000(...)\u0000} in the raw text. */
    private static final char SUBST = '\u0000';

    private String expand(String raw) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            char ch = raw.charAt(i);
            if (ch == SUBST) {
                int end = raw.indexOf(SUBST, i + 1);
                String inner = raw.substring(i + 1, end);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                list(new Cursor(tokenize(inner)), new byte[0], out, false);
                b.append(out.toString(StandardCharsets.UTF_8).replaceAll("\n+$", ""));
                i = end + 1;
            } else {
                b.append(ch);
                i++;
            }
        }
        return b.toString();
    }

    private static List<Token> tokenize(String line) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = null;
        int i = 0;
        while (i < line.length()) {
            char ch = line.charAt(i);
            if (Character.isWhitespace(ch)) {
                if (word != null) {
                    tokens.add(new Token(word.toString(), false));
                    word = null;
                }
                i++;
                continue;
            }
            if (word == null && (ch == '|' || ch == '&' || ch == '(' || ch == ')' || ch == '>' || ch == '<')) {
                if ((ch == '|' || ch == '&') && i + 1 < line.length() && line.charAt(i + 1) == ch) {
                    tokens.add(new Token("" + ch + ch, true));
                    i += 2;
                } else {
                    tokens.add(new Token(String.valueOf(ch), true));
                    i++;
                }
                continue;
            }
            if (word != null && (ch == '|' || ch == ')' || ch == '>' || ch == '<' || (ch == '&' && i + 1 < line.length()
                    && line.charAt(i + 1) == '&'))) {
                tokens.add(new Token(word.toString(), false));
                word = null;
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            if (ch == '$' && line.startsWith("$'", i)) {
                i = ansiQuoted(line, i + 2, word);
            } else if (ch == '\'') {
                int end = line.indexOf('\'', i + 1);
                word.append(line, i + 1, end);
                i = end + 1;
            } else if (ch == '"') {
                i++;
                while (line.charAt(i) != '"') {
                    char d = line.charAt(i);
                    if (d == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                        word.append(line.charAt(i + 1));
                        i += 2;
                    } else if (d == '$' && line.startsWith("$(", i)) {
                        int end = matchingParen(line, i + 1);
                        word.append(SUBST).append(line, i + 2, end).append(SUBST);
                        i = end + 1;
                    } else {
                        word.append(d);
                        i++;
                    }
                }
                i++;
            } else if (ch == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else if (ch == '$' && line.startsWith("$(", i)) {
                int end = matchingParen(line, i + 1);
                word.append(SUBST).append(line, i + 2, end).append(SUBST);
                i = end + 1;
            } else {
                word.append(ch);
                i++;
            }
        }
        if (word != null) {
            tokens.add(new Token(word.toString(), false));
        }
        return tokens;
    }

    /** Bash's {@code $'...'}: the escapes {@code \\xHH}, {@code \\n}, {@code \\t}, {@code \\\\}, {@code \\'}; returns the index after the quote. */
    private static int ansiQuoted(String line, int i, StringBuilder word) {
        while (line.charAt(i) != '\'') {
            char c = line.charAt(i);
            if (c != '\\') {
                word.append(c);
                i++;
                continue;
            }
            char e = line.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'n' -> word.append('\n');
                case 't' -> word.append('\t');
                case 'x' -> {
                    int end = i;
                    while (end < i + 2 && Character.digit(line.charAt(end), 16) >= 0) {
                        end++;
                    }
                    word.append((char) Integer.parseInt(line.substring(i, end), 16));
                    i = end;
                }
                default -> word.append(e);
            }
        }
        return i + 1;
    }

    private static int matchingParen(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unclosed $(");
    }
}
