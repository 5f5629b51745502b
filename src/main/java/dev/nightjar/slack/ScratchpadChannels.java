package dev.nightjar.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which channels are scratchpad channels ({@code scratchpad-channels} of connectors/slack.yml, by id
 * or by name). Events carry only the channel id, so names are resolved once per channel through
 * {@code conversations.info}, which also says whether the channel is private.
 */
public class ScratchpadChannels {

    private static final Logger log = LoggerFactory.getLogger(ScratchpadChannels.class);

    public record ChannelInfo(String id, String name, boolean isPrivate) {
    }

    private final Set<String> configured;
    private final SlackWebApi slack;
    private final Map<String, ChannelInfo> cache = new ConcurrentHashMap<>();

    public ScratchpadChannels(List<String> scratchpadChannels, SlackWebApi slack) {
        this.configured = scratchpadChannels.stream().map(ScratchpadChannels::key).collect(Collectors.toUnmodifiableSet());
        this.slack = slack;
    }

    public boolean isScratchpad(String channelId) {
        if (configured.isEmpty() || channelId == null) return false;
        if (configured.contains(channelId)) return true;
        ChannelInfo info = info(channelId);
        return info.name() != null && configured.contains(key(info.name()));
    }

    /** A channel Slack cannot describe is treated as private, so nothing captured from it is shared wider. */
    public ChannelInfo info(String channelId) {
        return cache.computeIfAbsent(channelId, id -> {
            try {
                JsonNode c = slack.conversationsInfo(id).path("channel");
                return new ChannelInfo(id, c.path("name").asText(null), c.path("is_private").asBoolean(false) || c.path("is_im").asBoolean(false));
            } catch (RuntimeException e) {
                log.warn("could not read channel {}: {}", id, e.getMessage());
                return new ChannelInfo(id, null, true);
            }
        });
    }

    /** As configured ({@code #Payments}, {@code payments}, {@code C0123ABCD}) → compared form. */
    static String key(String configured) {
        String s = configured.trim();
        if (s.startsWith("#")) s = s.substring(1).trim();
        return s.matches("[CG][A-Z0-9]{6,}") ? s : s.toLowerCase(Locale.ROOT);
    }
}
