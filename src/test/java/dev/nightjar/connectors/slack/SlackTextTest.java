package dev.nightjar.connectors.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackTextTest {

    private static final Map<String, String> NAMES = Map.of("U1", "Ann Lee");

    private static SlackText.Rendered render(String s) {
        return SlackText.render(s, NAMES::get);
    }

    @Test
    void mentionsBecomeNamesAndAreCollected() {
        SlackText.Rendered r = render("ping <@U1> and <@W2|bob> and <@U3>");
        assertThat(r.text()).isEqualTo("ping @Ann Lee and @bob and @U3");
        assertThat(r.mentions()).containsExactly("U1", "W2", "U3");
    }

    @Test
    void linksStayReadable() {
        assertThat(render("see <https://linear.app/acme/issue/PAY-12|PAY-12> and <https://x.io/a?b=1&amp;c=2>").text())
                .isEqualTo("see PAY-12 (https://linear.app/acme/issue/PAY-12) and https://x.io/a?b=1&c=2");
        assertThat(render("mail <mailto:a@b.io|a@b.io>").text()).isEqualTo("mail a@b.io");
    }

    @Test
    void channelsSpecialMentionsAndEscapes() {
        assertThat(render("<#C1|payments> <!here> <!subteam^S1|@oncall> <!date^1392734382^{date}|Feb 18> 1 &lt; 2 &amp;&amp; 3 &gt; 2").text())
                .isEqualTo("#payments @here @oncall Feb 18 1 < 2 && 3 > 2");
    }
}
