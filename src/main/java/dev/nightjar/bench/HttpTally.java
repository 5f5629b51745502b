package dev.nightjar.bench;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Counts what actually went over the wire, per server port: every HTTP exchange (retries included) and
 * those answered 304 Not Modified. Installed as a network interceptor on the connectors' OkHttp
 * client, so it sees each request exactly once, independently of the connectors' own statistics.
 */
final class HttpTally implements Interceptor {

    /** Requests and 304s at one instant; subtract two to get one sync's traffic. */
    record Counts(long requests, long notModified) {
        Counts minus(Counts earlier) {
            return new Counts(requests - earlier.requests, notModified - earlier.notModified);
        }

        /** What a rate limit that exempts 304s (GitHub's primary limit) charges for these requests. */
        long quotaUsed() {
            return requests - notModified;
        }
    }

    private final Map<Integer, AtomicLong> requests = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> notModified = new ConcurrentHashMap<>();

    @Override
    public Response intercept(Chain chain) throws IOException {
        int port = chain.request().url().port();
        requests.computeIfAbsent(port, p -> new AtomicLong()).incrementAndGet();
        Response response = chain.proceed(chain.request());
        if (response.code() == 304) notModified.computeIfAbsent(port, p -> new AtomicLong()).incrementAndGet();
        return response;
    }

    Counts counts(int port) {
        return new Counts(value(requests, port), value(notModified, port));
    }

    private static long value(Map<Integer, AtomicLong> map, int port) {
        AtomicLong v = map.get(port);
        return v == null ? 0 : v.get();
    }
}
