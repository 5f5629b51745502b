package dev.nightjar.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Records what actually went over the wire, per server port: every HTTP exchange (retries included),
 * its endpoint and status. Installed as a network interceptor on the connectors' OkHttp client, so it
 * sees each request exactly once, independently of the connectors' own statistics.
 */
final class HttpTally implements Interceptor {

    private static final Pattern ID = Pattern.compile("/(\\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?=/|$)");

    /** One request: {@code GET /repos/o/r/pulls/{id}/reviews}, with numbers and UUIDs collapsed, and its status. */
    record Exchange(String endpoint, int status) {
    }

    /** One sync's exchanges with one server. */
    record Counts(List<Exchange> exchanges) {

        long requests() {
            return exchanges.size();
        }

        long notModified() {
            return exchanges.stream().filter(e -> e.status() == 304).count();
        }

        /** What a rate limit that exempts 304s (GitHub's primary limit) charges for these requests. */
        long quotaUsed() {
            return requests() - notModified();
        }

        /** Requests per endpoint (and status, when not 200), for finding where they go. */
        Map<String, Long> byEndpoint() {
            return exchanges.stream().collect(Collectors.groupingBy(e -> e.status() == 200 ? e.endpoint() : e.endpoint() + " → " + e.status(),
                    TreeMap::new, Collectors.counting()));
        }
    }

    private final Map<Integer, List<Exchange>> byPort = new ConcurrentHashMap<>();

    @Override
    public Response intercept(Chain chain) throws IOException {
        var url = chain.request().url();
        String endpoint = chain.request().method() + " " + ID.matcher(url.encodedPath()).replaceAll("/{id}");
        Response response = chain.proceed(chain.request());
        List<Exchange> log = byPort.computeIfAbsent(url.port(), p -> new ArrayList<>());
        synchronized (log) {
            log.add(new Exchange(endpoint, response.code()));
        }
        return response;
    }

    /** How many exchanges the server on {@code port} has seen so far: a mark for {@link #since}. */
    int mark(int port) {
        List<Exchange> log = byPort.getOrDefault(port, List.of());
        synchronized (log) {
            return log.size();
        }
    }

    /** The exchanges with the server on {@code port} after {@code mark}. */
    Counts since(int port, int mark) {
        List<Exchange> log = byPort.getOrDefault(port, List.of());
        synchronized (log) {
            return new Counts(List.copyOf(log.subList(mark, log.size())));
        }
    }
}
