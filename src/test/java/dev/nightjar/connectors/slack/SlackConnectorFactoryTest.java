package dev.nightjar.connectors.slack;

import dev.nightjar.testing.TestClocks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.ConfigException;
import dev.nightjar.config.Environment;
import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.SourceStream;
import dev.nightjar.connectors.http.RecordingSleeper;
import dev.nightjar.connectors.http.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackConnectorFactoryTest {

    @TempDir
    Path dir;

    private final SlackConnectorFactory factory = new SlackConnectorFactory();

    private ConfigDir config(String yaml) throws Exception {
        Files.createDirectories(dir.resolve("connectors"));
        Files.writeString(dir.resolve("connectors/slack.yml"), yaml);
        return new ConfigDir(dir);
    }

    private static ConnectorContext context(Map<String, String> env) {
        return new ConnectorContext(Environment.of(env), new OkHttpClient(),
                new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMinutes(1)),
                new RecordingSleeper(), TestClocks.system());
    }

    @Test
    void theShippedDefaultFileParses() throws Exception {
        Path repoFile = Path.of("connectors/slack.yml");
        SlackSettings s = factory.settings(config(Files.readString(repoFile)));
        assertThat(s.enabled()).isTrue();
        assertThat(s.baseUrl()).isEqualTo("https://slack.com/api");
        assertThat(s.tokenEnv()).isEqualTo("SLACK_BOT_TOKEN");
        assertThat(s.signingSecretEnv()).isEqualTo("SLACK_SIGNING_SECRET");
        assertThat(s.admins()).containsExactly("it-admin@example.com");
        assertThat(s.threadLookbackDays()).isEqualTo(14);
        assertThat(s.workspaceUrl()).isNull();
    }

    @Test
    void channelsAndScratchpadChannelsBecomeOneStreamEach() throws Exception {
        ConfigDir cfg = config("""
                enabled: true
                base-url: https://slack.com/api
                token-env: SLACK_BOT_TOKEN
                signing-secret-env: SLACK_SIGNING_SECRET
                channels: ["#payments", C0123ABCD, Payments]
                scratchpad-channels: [lead-dump, "#payments"]
                admins: [it-admin@example.com]
                workspace-url: https://acme.slack.com
                thread-lookback-days: 21
                """);
        SlackSettings s = factory.settings(cfg);
        assertThat(s.channelRefs()).containsExactly(
                new SlackSettings.ChannelRef("payments", true),
                new SlackSettings.ChannelRef("C0123ABCD", false),
                new SlackSettings.ChannelRef("lead-dump", true));
        Optional<Connector> connector = factory.create(cfg, context(Map.of("SLACK_BOT_TOKEN", "xoxb-1")));
        assertThat(connector).isPresent();
        assertThat(connector.get().source()).isEqualTo("slack");
        assertThat(connector.get().streams()).extracting(SourceStream::name)
                .containsExactly("users", "messages:payments", "messages:C0123ABCD", "messages:lead-dump");
    }

    @Test
    void aMissingTokenNamesTheVariable() throws Exception {
        ConfigDir cfg = config("enabled: true\nbase-url: https://slack.com/api\ntoken-env: SLACK_BOT_TOKEN\n");
        assertThatThrownBy(() -> factory.create(cfg, context(Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SLACK_BOT_TOKEN");
    }

    @Test
    void anUnknownKeyIsAConfigError() throws Exception {
        ConfigDir cfg = config("enabled: true\nbase-url: https://slack.com/api\ntoken-env: SLACK_BOT_TOKEN\nchanels: [general]\n");
        assertThatThrownBy(() -> factory.settings(cfg))
                .isInstanceOf(ConfigException.class).hasMessageContaining("chanels").hasMessageContaining("scratchpad-channels");
    }

    @Test
    void aBadLookbackIsAConfigError() throws Exception {
        ConfigDir cfg = config("enabled: true\nbase-url: https://slack.com/api\ntoken-env: T\nthread-lookback-days: 0\n");
        assertThatThrownBy(() -> factory.settings(cfg))
                .isInstanceOf(ConfigException.class).hasMessageContaining("thread-lookback-days");
    }

    @Test
    void disabledMeansNoConnectorAndNoTokenNeeded() throws Exception {
        ConfigDir cfg = config("enabled: false\nbase-url: https://slack.com/api\ntoken-env: SLACK_BOT_TOKEN\n");
        assertThat(factory.create(cfg, context(Map.of()))).isEmpty();
    }

    @Test
    void theBaseUrlVariableWinsOverTheYaml() throws Exception {
        try (SlackHarness h = new SlackHarness()) {
            ConfigDir cfg = config("enabled: true\nbase-url: https://slack.invalid/api\ntoken-env: SLACK_BOT_TOKEN\n");
            Connector c = factory.create(cfg, context(Map.of("SLACK_BOT_TOKEN", FakeSlack.TOKEN,
                    "NIGHTJAR_SLACK_BASE_URL", h.baseUrl()))).orElseThrow();
            assertThat(c.streams().get(0).read(null).records()).hasSize(2);
            assertThat(h.slack.calls("users.list")).hasSize(1);
        }
    }

    @Test
    void settingsNeverPrintTheToken() throws Exception {
        SlackSettings s = factory.settings(config("enabled: true\nbase-url: https://slack.com/api\ntoken-env: SLACK_BOT_TOKEN\n"));
        assertThat(s.toString()).contains("SLACK_BOT_TOKEN");
        assertThat(List.of(s.channels(), s.scratchpadChannels(), s.admins())).allSatisfy(l -> assertThat(l).isEmpty());
    }
}
