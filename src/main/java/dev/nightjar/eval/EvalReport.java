package dev.nightjar.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluation's figures for one path (extractive or LLM): per category and in total, fact recall
 * (required facts found / required facts), wrong statements (forbidden statements made), noise lines,
 * the median and largest body length in lines (whole, and the top level a reader sees first), mean citations per output, and the share of outputs
 * whose citation markers all resolve. Printed as a Markdown table, with the misses listed under it.
 */
public record EvalReport(String path, List<CaseScore> scores) {

    public record Row(String name, int cases, int required, int found, int wrong, int noise, int medianLines, int maxLines, int medianTop, int maxTop,
                      double meanCitations, int validCitations) {
        public double recall() {
            return required == 0 ? 1 : (double) found / required;
        }
    }

    public Row total() {
        return row("all", scores);
    }

    public List<Row> rows() {
        Map<String, List<CaseScore>> by = new LinkedHashMap<>();
        for (CaseScore s : scores) by.computeIfAbsent(s.evalCase().category(), k -> new ArrayList<>()).add(s);
        List<Row> out = new ArrayList<>();
        by.forEach((k, v) -> out.add(row(k, v)));
        out.add(total());
        return out;
    }

    private static Row row(String name, List<CaseScore> list) {
        int required = 0, found = 0, wrong = 0, noise = 0, valid = 0;
        double cites = 0;
        List<Integer> lines = new ArrayList<>(), top = new ArrayList<>();
        for (CaseScore s : list) {
            required += s.required();
            found += s.found();
            wrong += s.wrong().size();
            noise += s.noiseLines().size();
            cites += s.citations();
            if (s.citationsValid()) valid++;
            lines.add(s.lines());
            top.add(s.topLines());
        }
        return new Row(name, list.size(), required, found, wrong, noise, median(lines), max(lines), median(top), max(top), list.isEmpty() ? 0 : cites / list.size(), valid);
    }

    private static int median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    private static int max(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** The table, then one line per case that missed a fact or made a wrong statement. */
    public String markdown(boolean details) {
        StringBuilder sb = new StringBuilder();
        sb.append("Path: ").append(path).append('\n');
        sb.append("| category | cases | fact recall | wrong statements | noise lines | lines (median / max) | top-level lines (median / max) | citations per output | citations valid |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows()) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.2f (%d/%d) | %d | %d | %d / %d | %d / %d | %.1f | %d/%d |%n", r.name(), r.cases(),
                    r.recall(), r.found(), r.required(), r.wrong(), r.noise(), r.medianLines(), r.maxLines(), r.medianTop(), r.maxTop(), r.meanCitations(),
                    r.validCitations(), r.cases()));
        }
        for (CaseScore s : scores) {
            if (s.missed().isEmpty() && s.wrong().isEmpty() && (!details || s.noiseLines().isEmpty())) continue;
            sb.append("- ").append(s.evalCase().id()).append(" (").append(s.evalCase().describe()).append(")");
            if (!s.missed().isEmpty()) sb.append(" missed: ").append(String.join("; ", s.missed())).append('.');
            if (!s.wrong().isEmpty()) sb.append(" WRONG: ").append(String.join("; ", s.wrong())).append('.');
            if (details && !s.noiseLines().isEmpty()) sb.append(" noise: ").append(s.noiseLines().size()).append(" line(s).");
            sb.append('\n');
        }
        return sb.toString();
    }
}
