package dev.openesc.core.syntax.encoding;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ScannerException;

/**
 * Words snakeyaml-engine's syntax errors the way the reference's YAML library does ("yaml: line 1: did not find
 * expected ',' or ']'"), because those texts reach users and are fixed by the conformance corpus.
 *
 * <p>The reference's line number is its parser's context line when there is one, otherwise the problem line; it
 * is 0-based for parser errors and 1-based for scanner errors. Problems without a known counterpart keep
 * snakeyaml's wording, prefixed with the 1-based line and column of the problem.
 */
final class YamlErrorMessages {
    private YamlErrorMessages() {}

    static String describe(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        String known = knownProblem(context, problem);
        if (known == null) {
            Optional<Mark> where = e.getProblemMark().or(e::getContextMark);
            String text = problem.isEmpty() ? context : (context.isEmpty() ? problem : context + ": " + problem);
            return where.map(m -> "yaml: line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ": " + text)
                    .orElse("yaml: " + text);
        }
        boolean scanner = e instanceof ScannerException;
        int contextLine = e.getContextMark().map(Mark::getLine).orElse(0);
        int problemLine = e.getProblemMark().map(Mark::getLine).orElse(0);
        int line = contextLine != 0 ? contextLine : problemLine;
        if (line != 0 && scanner) {
            line++;
        }
        return line != 0 ? "yaml: line " + line + ": " + known : "yaml: " + known;
    }

    private static String knownProblem(String context, String problem) {
        if (problem.startsWith("expected ',' or ']'")) {
            return "did not find expected ',' or ']'";
        }
        if (problem.startsWith("expected ',' or '}'")) {
            return "did not find expected ',' or '}'";
        }
        if (problem.startsWith("expected <block end>")) {
            return context.contains("mapping") ? "did not find expected key" : "did not find expected '-' indicator";
        }
        if (problem.startsWith("expected <document start>")) {
            return "did not find expected <document start>";
        }
        if (problem.startsWith("expected the node content")) {
            return "did not find expected node content";
        }
        if (problem.startsWith("mapping values are not allowed")) {
            return "mapping values are not allowed in this context";
        }
        if (problem.contains("that cannot start any token")) {
            return "found character that cannot start any token";
        }
        if (problem.startsWith("found unexpected end of stream")) {
            return "found unexpected end of stream";
        }
        if (problem.startsWith("could not find expected ':'")) {
            return "could not find expected ':'";
        }
        return null;
    }
}
