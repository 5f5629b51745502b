package dev.nightjar.connectors.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.connectors.RequestStats;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class RetryingHttpClientTest {

    @Test
    void aHostThatDoesNotResolveFailsAtOnceWithOneClearLine() {
        // the resolver is replaced, so nothing leaves the machine
        OkHttpClient noDns = new OkHttpClient.Builder().dns(host -> {
            throw new UnknownHostException(host);
        }).build();
        RecordingSleeper sleeper = new RecordingSleeper();
        RequestStats stats = new RequestStats();
        RetryingHttpClient http = new RetryingHttpClient("linear", noDns, (response, now) -> Optional.empty(), RetryPolicy.defaults(),
                sleeper, stats, Clock.systemUTC());
        assertThatThrownBy(() -> http.execute(new Request.Builder().url("https://api.linear.example/graphql").build()))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("cannot resolve api.linear.example (no network, or a wrong base URL?)");
        assertThat(sleeper.waits()).isEmpty(); // no retries, no waiting
    }
}
