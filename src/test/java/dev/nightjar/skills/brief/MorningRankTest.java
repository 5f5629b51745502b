package dev.nightjar.skills.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ranking rule of issue 17 §4, one criterion at a time: blocking others, asked directly, waiting longest, urgent. */
class MorningRankTest {

    static MorningRank.Signals s(int blocks, boolean asked, long days, boolean urgent) {
        List<String> b = new ArrayList<>();
        for (int i = 0; i < blocks; i++) b.add("RNK-" + i);
        return new MorningRank.Signals(b, asked, days, urgent);
    }

    @Test
    void eachCriterionOutranksTheNext() {
        var blocking = s(1, false, 0, false);
        var asked = s(0, true, 0, false);
        var waiting = s(0, false, 9, false);
        var urgent = s(0, false, 0, true);
        var nothing = s(0, false, 0, false);
        List<MorningRank.Signals> all = new ArrayList<>(List.of(nothing, urgent, waiting, asked, blocking));
        all.sort(MorningRank.ORDER);
        assertThat(all).containsExactly(blocking, asked, waiting, urgent, nothing);
        // more blocked outranks fewer; longer waiting outranks shorter; urgency separates a same-day tie
        assertThat(MorningRank.ORDER.compare(s(2, false, 0, false), s(1, true, 9, true))).isNegative();
        assertThat(MorningRank.ORDER.compare(s(0, false, 3, false), s(0, false, 1, true))).isNegative();
        assertThat(MorningRank.ORDER.compare(s(0, false, 1, true), s(0, false, 1, false))).isNegative();
    }

    @Test
    void theReasonNamesEverySignalPresent() {
        assertThat(s(0, false, 0, false).reason()).isEqualTo("waiting since today");
        assertThat(new MorningRank.Signals(List.of("Lena Novak", "RNK-134"), true, 1, true).reason())
                .isEqualTo("blocks Lena Novak, RNK-134; asked directly; waiting 1 day; urgent priority");
    }
}
