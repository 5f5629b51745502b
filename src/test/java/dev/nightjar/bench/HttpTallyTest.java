package dev.nightjar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

class HttpTallyTest {

    @Test
    void countsEachExchangeAndThe304sPerServerSinceAMark() throws Exception {
        HttpTally tally = new HttpTally();
        OkHttpClient http = new OkHttpClient.Builder().addNetworkInterceptor(tally).build();
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setBody("[]"));
            server.enqueue(new MockResponse().setResponseCode(304));
            server.enqueue(new MockResponse().setBody("[]"));
            server.start();
            int port = server.getPort();

            get(http, server.url("/repos/o/r/pulls/12/reviews?per_page=100").toString());
            int mark = tally.mark(port);
            get(http, server.url("/repos/o/r/pulls?page=2").toString());
            get(http, server.url("/v1/blocks/0b5e6f7a-1c2d-4e3f-8a9b-0c1d2e3f4a5b/children").toString());

            HttpTally.Counts counts = tally.since(port, mark);
            assertThat(counts.requests()).isEqualTo(2);
            assertThat(counts.notModified()).isEqualTo(1);
            assertThat(counts.quotaUsed()).isEqualTo(1);
            assertThat(counts.byEndpoint()).isEqualTo(Map.of("GET /repos/o/r/pulls → 304", 1L, "GET /v1/blocks/{id}/children", 1L));
            assertThat(tally.since(port, 0).byEndpoint()).containsEntry("GET /repos/o/r/pulls/{id}/reviews", 1L);
        }
    }

    private static void get(OkHttpClient http, String url) throws Exception {
        http.newCall(new Request.Builder().url(url).build()).execute().close();
    }
}
