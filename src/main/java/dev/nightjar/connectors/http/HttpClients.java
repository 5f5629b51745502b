package dev.nightjar.connectors.http;

import java.time.Duration;
import okhttp3.OkHttpClient;

/** One OkHttp client (connection pool, dispatcher) shared by every connector. */
public final class HttpClients {

    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(60))
            .callTimeout(Duration.ofSeconds(120))
            .build();

    private HttpClients() {
    }

    /** Derive per-connector clients with {@code shared().newBuilder()} so they share the pool. */
    public static OkHttpClient shared() {
        return SHARED;
    }
}
