package dev.nightjar.skills;

import dev.nightjar.skills.ask.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test helpers: find the answer line stating something and the URLs it cites. */
final class Answers {
    private static final Pattern N = Pattern.compile("\\[(\\d+)]");

    private Answers() {
    }

    static String line(Answer a, String containing) {
        return a.markdown().lines().filter(l -> l.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with '" + containing + "' in:\n" + a.markdown()));
    }

    static List<String> urlsCitedBy(Answer a, String line) {
        List<String> urls = new ArrayList<>();
        Matcher m = N.matcher(line);
        while (m.find()) urls.add(a.citations().get(Integer.parseInt(m.group(1)) - 1).url());
        return urls;
    }

    static String url(Answer a, int n) {
        return a.citations().get(n - 1).url();
    }
}
