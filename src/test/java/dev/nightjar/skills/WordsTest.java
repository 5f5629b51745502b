package dev.nightjar.skills;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WordsTest {

    /** The definition the hand-written scanner replaced: split on runs of anything but letters, numbers and {@code @}. */
    private static Set<String> byRegex(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}@]+")) {
            if (!t.isEmpty() && !Words.significant(t).isEmpty()) out.add(Words.stem(t));
        }
        return out;
    }

    @Test
    void significantWordsAreTheRegexTokensWithoutStopWords() {
        assertThat(Words.significant("Where do we stand on the search-relevance migrations?")).containsExactly("search", "relevance", "migration");
        assertThat(Words.significant("ping @maya.okafor re: RNK-134 (p99 < 2.5s)")).containsExactly("ping", "@maya", "okafor", "rnk", "134", "p99", "2", "5s");
        for (String s : List.of("", "   ", "--", "Ünïcödé naïve café", "ⅫⅣ roman ½ fractions ²", "日本語のテキスト", "emoji 🚀 rocket",
                "x\uD835\uDC00y (math bold A)", "tab\tand\nnewline", "İstanbul DİYARBAKIR", "trailing word")) {
            assertThat(Words.significant(s)).as(s).containsExactlyElementsOf(byRegex(s));
        }
        Random random = new Random(7);
        int[] pool = {'a', 'Z', '0', '9', ' ', '-', '@', '.', 'é', 'ß', 'Ⅻ', '²', '日', 0x1F680, 0x1D400, '_', '\'', 'İ'};
        for (int n = 0; n < 2000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) s.appendCodePoint(pool[random.nextInt(pool.length)]);
            assertThat(Words.significant(s.toString())).as(s.toString()).containsExactlyElementsOf(byRegex(s.toString()));
        }
    }
}
