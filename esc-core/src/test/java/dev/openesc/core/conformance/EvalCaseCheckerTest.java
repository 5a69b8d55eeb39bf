package dev.openesc.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openesc.core.conformance.LanguageUnderTest.Loading;
import dev.openesc.core.conformance.LanguageUnderTest.Outcome;
import dev.openesc.core.testing.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tests of the harness itself, over the real corpus: a perfect language passes, any wrong answer fails. */
class EvalCaseCheckerTest {
    private static List<EvalCase> cases;

    @BeforeAll
    static void loadCases() {
        cases = EvalCase.folders(Corpus.dir(EvalCase.CORPUS_DIR)).stream().map(EvalCase::load).toList();
    }

    private static CaseVerdict replay(EvalCase c, Set<ExpectationKey> corrupt) {
        return new EvalCaseChecker<>(new ReplayLanguage(c, corrupt)).run(c);
    }

    @Test
    void theCorpusHasTheCasesTheReadmeAnnounces() {
        assertThat(cases).hasSize(54);
        assertThat(cases).filteredOn(c -> c.overrides() != Overrides.NONE).hasSize(6);
        assertThat(cases).extracting(EvalCase::folder).doesNotContain("bench");
    }

    @Test
    void replayingTheExpectationsPassesEveryCase() {
        List<String> failures = new ArrayList<>();
        for (EvalCase c : cases) {
            CaseVerdict verdict = replay(c, Set.of());
            if (!verdict.passed()) {
                failures.add(verdict.report());
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyKeyOfEveryRunPhaseIsCompared() {
        List<String> vacuous = new ArrayList<>();
        int attempts = 0;
        for (EvalCase c : cases) {
            for (ExpectationKey key : ExpectationKey.values()) {
                if (key.phase() == ExpectationKey.Phase.ROTATE && !c.overrides().rotate()) {
                    continue;
                }
                attempts++;
                CaseVerdict verdict = replay(c, Set.of(key));
                if (verdict.passed() || !verdict.failedKeys().equals(key.jsonName())) {
                    vacuous.add(c.folder() + "/" + key.jsonName() + " -> " + verdict.failedKeys());
                }
            }
        }
        assertThat(attempts).isEqualTo(54 * 8 + 4 * 4);
        assertThat(vacuous).isEmpty();
    }

    @Test
    void anUnknownExpectationKeyFailsTheCase() {
        EvalCase c = cases.get(0);
        ObjectNode expected = c.expected().deepCopy();
        expected.put("somethingNew", 1);
        EvalCase changed = new EvalCase(c.folder(), c.dir(), c.source(), expected, c.overrides());
        CaseVerdict verdict = new EvalCaseChecker<>(new ReplayLanguage(changed)).run(changed);
        assertThat(verdict.failedKeys()).isEqualTo("somethingNew");
    }

    @Test
    void aRotateKeyInACaseThatDoesNotRotateFailsTheCase() {
        EvalCase rotate = cases.stream().filter(c -> c.folder().equals("rotate")).findFirst().orElseThrow();
        EvalCase notRotating = new EvalCase(rotate.folder(), rotate.dir(), rotate.source(), rotate.expected(),
                new Overrides(false, null, false, List.of()));
        CaseVerdict verdict = new EvalCaseChecker<>(new ReplayLanguage(notRotating)).run(notRotating);
        assertThat(verdict.failedKeys()).isEqualTo("rotate, rotateJson, rotatePatches");
    }

    @Test
    void anEntryPointThatThrowsFailsWithItsStack() {
        EvalCase c = cases.get(0);
        var language = new ReplayLanguage(c) {
            @Override
            public Outcome evaluate(EvalCase evalCase, EvalCase decl) {
                throw new IllegalStateException("boom");
            }
        };
        CaseVerdict verdict = new EvalCaseChecker<>(language).run(c);
        assertThat(verdict.failedKeys()).isEqualTo("eval");
        assertThat(verdict.report()).contains("eval threw java.lang.IllegalStateException: boom")
                .contains("at dev.openesc.core.conformance.EvalCaseCheckerTest");
    }

    @Test
    void overridesReachTheLanguage() {
        EvalCase paths = cases.stream().filter(c -> c.folder().equals("rotate-paths")).findFirst().orElseThrow();
        EvalCase anonymous = cases.stream().filter(c -> c.folder().equals("anonymous-environment"))
                .findFirst().orElseThrow();
        EvalCase secrets = cases.stream().filter(c -> c.folder().equals("ciphertext-show-secrets"))
                .findFirst().orElseThrow();
        List<String> seen = new ArrayList<>();
        for (EvalCase c : List.of(paths, anonymous, secrets)) {
            new EvalCaseChecker<>(new ReplayLanguage(c) {
                @Override
                public Loading<EvalCase> load(String name, byte[] source) {
                    seen.add("load " + name);
                    return super.load(name, source);
                }

                @Override
                public Outcome check(EvalCase evalCase, EvalCase decl, boolean showSecrets) {
                    seen.add("check showSecrets=" + showSecrets);
                    return super.check(evalCase, decl, showSecrets);
                }

                @Override
                public Outcome rotate(EvalCase evalCase, EvalCase decl, List<String> rotatePaths) {
                    seen.add("rotate " + rotatePaths.size());
                    return super.rotate(evalCase, decl, rotatePaths);
                }
            }).run(c);
        }
        assertThat(seen).containsExactly(
                "load rotate-paths", "check showSecrets=false", "rotate 3",
                "load <yaml>", "check showSecrets=false",
                "load ciphertext-show-secrets", "check showSecrets=true");
    }
}
