package dev.nightjar.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseScoreTest {

    private static final String CASES = """
            noise:
              - '\\b_(runtime|step)\\b'
            asks:
              - id: launch
                category: status
                question: Where do we stand?
                must:
                  - {fact: launch date, re: 'launch[^\\n]{0,40}{launch}'}
                  - {fact: latency unit, re: '(≤|<=) ?25 ?ms'}
                  - {fact: verdict first, in: headline, re: 'at risk'}
                  - {fact: cites the PRD, cite: 'Neural reranker PRD'}
                must_not:
                  - {fact: superseded date, re: '{draft}'}
            """;

    private static CaseScore score(String body, List<String> citations) {
        EvalCases set = EvalCases.parse(CASES, Map.of("launch", "2026-12-16", "draft", "2026-12-06"), "t.yml");
        Set<Integer> numbers = new java.util.TreeSet<>();
        for (int i = 1; i <= citations.size(); i++) numbers.add(i);
        return CaseScore.of(set.cases().get(0), AnswerText.of(body, citations, numbers), set.noise(), body);
    }

    @Test
    void aGoodAnswerFindsEveryFactWhateverItsMarkdown() {
        CaseScore s = score("""
                _Subject: Neural reranker launch (Linear project)._

                **At risk** (team says at risk): 2 blockers open. [1]
                - **Launch** on 2026-12-16, per the canonical PRD. [1]
                - Target p95 latency \u2264 25 ms. [1]
                """, List.of("Neural reranker PRD https://www.notion.so/x"));
        assertThat(s.missed()).isEmpty();
        assertThat(s.found()).isEqualTo(4);
        assertThat(s.wrong()).isEmpty();
        assertThat(s.noiseLines()).isEmpty();
        assertThat(s.citationsValid()).isTrue();
        assertThat(s.lines()).isEqualTo(4);
    }

    @Test
    void missesWrongStatementsNoiseAndDanglingCitationsAreCounted() {
        CaseScore s = score("""
                - Launch date 2026-12-06 (draft). [1]
                - Target latency <= 25. [2]
                - Run r1: _runtime = 5610, _step = 1850. [1]
                - Run r1: _runtime = 5610, _step = 1850. [1]
                """, List.of("Neural reranker PRD (draft) https://www.notion.so/d"));
        assertThat(s.missed()).containsExactly("launch date", "latency unit", "verdict first");
        assertThat(s.wrong()).containsExactly("superseded date");
        assertThat(s.noiseLines()).hasSize(2);
        assertThat(s.citationsValid()).as("[2] names no citation").isFalse();
    }

    @Test
    void theReportAddsUpPerCategoryAndOverall() {
        CaseScore good = score("At risk: launch 2026-12-16, p95 ≤ 25 ms [1]", List.of("Neural reranker PRD u"));
        CaseScore bad = score("Launch 2026-12-06 [1]", List.of("other u"));
        EvalReport r = new EvalReport("extractive", List.of(good, bad));
        assertThat(r.total().required()).isEqualTo(8);
        assertThat(r.total().found()).isEqualTo(4);
        assertThat(r.total().recall()).isEqualTo(0.5);
        assertThat(r.total().wrong()).isEqualTo(1);
        assertThat(r.markdown(false)).contains("| all | 2 | 0.50 (4/8) | 1 |").contains("WRONG: superseded date");
    }

    @Test
    void theLlmStandInRestatesTheFactsItWasGivenHedgedByTruth() {
        String prose = EchoOpenAi.prose("""
                Facts (each with its truth level):
                - (Plan (canonical); canonical) Launch date 2026-12-16. [3]
                - (Scratchpad notes; scratchpad) Pull it forward to 2026-12-09. [7]

                Conflicts:
                - The scratchpad note states 2026-12-09; the PRD says 2026-12-16. [3] [7]
                """);
        assertThat(prose).contains("- Launch date 2026-12-16. [3]")
                .contains("A scratchpad note suggests: Pull it forward to 2026-12-09. [7]")
                .contains("Conflict: The scratchpad note states 2026-12-09; the PRD says 2026-12-16. [3] [7]");
    }
}
