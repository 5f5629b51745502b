package dev.nightjar.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nightjar.config.ConfigException;
import dev.nightjar.sandbox.SampleCompany;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class EvalCasesTest {

    private static final Map<String, String> VALUES = EvalRunner.placeholders(SampleCompany.generate(Clock.fixed(EvalRunner.NOW, ZoneOffset.UTC)));

    @Test
    void theBundledSetHasFortyQuestionsOverEveryKindAndTwentyBriefs() {
        EvalCases set = EvalCases.bundled(VALUES);
        List<EvalCase> asks = set.cases().stream().filter(c -> c.kind() == EvalCase.Kind.ASK).toList();
        List<EvalCase> briefs = set.cases().stream().filter(c -> c.kind() == EvalCase.Kind.BRIEF).toList();
        assertThat(asks).hasSizeGreaterThanOrEqualTo(40);
        assertThat(briefs).hasSizeGreaterThanOrEqualTo(20); // 10 with the evaluation, 11 for the brief side of issue 15
        Set<String> categories = new TreeSet<>(asks.stream().map(EvalCase::category).toList());
        assertThat(categories).containsAll(Set.of("status", "blockers", "why", "overnight", "person", "metric", "typos", "conflicts", "no-answer", "private"));
        assertThat(set.cases()).allSatisfy(c -> assertThat(c.must().size() + c.mustNot().size()).isPositive());
        assertThat(set.cases()).extracting(EvalCase::id).doesNotHaveDuplicates();
        assertThat(set.noise()).isNotEmpty();
    }

    @Test
    void placeholdersAreFilledFromThePlantedStories() {
        EvalCases set = EvalCases.bundled(VALUES);
        EvalCase c = set.cases().stream().filter(x -> x.id().equals("conflict-scratch-date")).findFirst().orElseThrow();
        assertThat(c.question()).contains(VALUES.get("launch")).doesNotContain("{");
        assertThat(c.must().get(1).pattern().pattern()).contains(VALUES.get("scratch_date"));
    }

    @Test
    void aBrokenCaseFileSaysWhatIsWrong() {
        assertThatThrownBy(() -> EvalCases.parse("asks:\n  - id: x\n    question: q {nope}\n", VALUES, "f.yml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown placeholder {nope}");
        assertThatThrownBy(() -> EvalCases.parse("asks:\n  - id: x\n    question: q\n    must:\n      - {fact: f, re: '(' }\n", VALUES, "f.yml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bad regular expression");
        assertThatThrownBy(() -> EvalCases.parse("briefs:\n  - id: b\n    since: 24h\n    must: []\n", VALUES, "f.yml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("exactly one of 'team' or 'person'");
        assertThatThrownBy(() -> EvalCases.parse("preps:\n  - id: p\n    with: a@x\n    project: P\n    must: []\n", VALUES, "f.yml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("prep case p needs exactly one of 'with' or 'project'");
    }

    @Test
    void prepCasesAreA1on1OrAProjectSyncReadAsSomeone() {
        List<EvalCase> preps = EvalCases.bundled(VALUES).cases().stream().filter(c -> c.kind() == EvalCase.Kind.PREP).toList();
        assertThat(preps).hasSizeGreaterThanOrEqualTo(4).allSatisfy(c -> assertThat(c.category()).isEqualTo("prep"));
        EvalCase review = preps.stream().filter(c -> c.id().equals("prep-1on1-blocked-review")).findFirst().orElseThrow();
        assertThat(review.describe()).isEqualTo("prep --with maya@kestrel.example (as lena@kestrel.example)");
        assertThat(review.must().get(0).pattern().pattern()).contains("#" + VALUES.get("changes_pr"));
        EvalCase sync = preps.stream().filter(c -> c.project() != null).findFirst().orElseThrow();
        assertThat(sync.describe()).isEqualTo("prep --project Neural reranker launch (as lena@kestrel.example)");
        assertThat(sync.since()).isNull();
    }

    @Test
    void aCaseMayNameTheDocumentsItsAnswerNeeds() {
        EvalCases set = EvalCases.parse("asks:\n  - id: x\n    question: q\n    must:\n      - {fact: f, re: 'a'}\n"
                + "    needs: ['Launch PRD', 'launch {launch}']\n", VALUES, "f.yml");
        EvalCase c = set.cases().get(0);
        assertThat(c.needs()).extracting(java.util.regex.Pattern::pattern).containsExactly("Launch PRD", "launch " + VALUES.get("launch"));
        assertThat(c.needs().get(0).matcher("launch prd (canonical)").find()).isTrue(); // case-insensitive, like cite
        assertThat(EvalCases.bundled(VALUES).cases()).allSatisfy(k -> assertThat(k.needs()).isNotNull());
    }
}
