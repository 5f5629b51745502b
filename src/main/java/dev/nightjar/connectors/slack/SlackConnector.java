package dev.nightjar.connectors.slack;

import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.Normalizer;
import dev.nightjar.connectors.RequestStats;
import dev.nightjar.connectors.SourceStream;
import dev.nightjar.connectors.http.RetryingHttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Slack: the {@code users} stream first (people, and the names mentions are rendered with), then
 * one {@code messages:<channel>} stream per configured channel, so each channel keeps its own
 * cursor and a channel added to the config gets a full read while the others stay incremental.
 */
public final class SlackConnector implements Connector {

    private final RequestStats stats = new RequestStats();
    private final List<SourceStream> streams = new ArrayList<>();
    private final SlackNormalizer normalizer = new SlackNormalizer();

    SlackConnector(SlackSettings settings, String baseUrl, String token, ConnectorContext context, MethodPacer pacer) {
        RetryingHttpClient http = new RetryingHttpClient(SlackClient.SOURCE, context.http(), new SlackRateLimitRule(),
                context.retryPolicy(), context.sleeper(), stats, context.clock());
        SlackClient client = new SlackClient(baseUrl, token, http, pacer);
        ChannelDirectory channels = new ChannelDirectory(client, context.clock());
        UserDirectory users = new UserDirectory(client, context.clock());
        Workspace workspace = new Workspace(client, settings.workspaceUrl());
        Duration lookback = Duration.ofDays(settings.threadLookbackDays());
        streams.add(new UsersStream(client, users, context.clock()));
        for (SlackSettings.ChannelRef ref : settings.channelRefs()) {
            streams.add(new ChannelMessagesStream(ref, client, channels, users, workspace, context.clock(), lookback));
        }
    }

    @Override
    public String source() {
        return SlackClient.SOURCE;
    }

    @Override
    public List<SourceStream> streams() {
        return List.copyOf(streams);
    }

    @Override
    public Normalizer normalizer() {
        return normalizer;
    }

    @Override
    public RequestStats stats() {
        return stats;
    }
}
