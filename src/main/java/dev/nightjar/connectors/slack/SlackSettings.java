package dev.nightjar.connectors.slack;

import dev.nightjar.config.ConfigException;
import dev.nightjar.connectors.ConnectorSettings;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code connectors/slack.yml}. Channels are named as in Slack ({@code #payments} or {@code payments})
 * or by id ({@code C0123ABCD}); a channel listed in both lists is a scratchpad channel.
 *
 * @param signingSecretEnv   variable holding the signing secret; carried for the Slack app, not used here
 * @param admins             e-mails of the admins allowed to mark documents canonical; carried for the app
 * @param workspaceUrl       e.g. {@code https://acme.slack.com}; when absent it is read once from {@code auth.test}
 * @param threadLookbackDays how old a thread may be and still have a late reply picked up (default 14)
 */
public record SlackSettings(boolean enabled, String baseUrl, String tokenEnv, String signingSecretEnv,
                            List<String> channels, List<String> scratchpadChannels, List<String> admins,
                            String workspaceUrl, Integer threadLookbackDays) implements ConnectorSettings {

    public static final int DEFAULT_THREAD_LOOKBACK_DAYS = 14;

    public SlackSettings {
        channels = channels == null ? List.of() : List.copyOf(channels);
        scratchpadChannels = scratchpadChannels == null ? List.of() : List.copyOf(scratchpadChannels);
        admins = admins == null ? List.of() : List.copyOf(admins);
        threadLookbackDays = threadLookbackDays == null ? DEFAULT_THREAD_LOOKBACK_DAYS : threadLookbackDays;
    }

    /** Fails with one clear line when a value cannot work. */
    SlackSettings validated(String where) {
        if (threadLookbackDays < 1 || threadLookbackDays > 365) {
            throw new ConfigException(where + ": thread-lookback-days must be between 1 and 365, not " + threadLookbackDays);
        }
        for (String channel : concat(channels, scratchpadChannels)) {
            if (channel == null || key(channel).isEmpty()) {
                throw new ConfigException(where + ": a blank entry in channels or scratchpad-channels");
            }
        }
        if (workspaceUrl != null && !workspaceUrl.isBlank() && !workspaceUrl.startsWith("http")) {
            throw new ConfigException(where + ": workspace-url must be a URL like https://acme.slack.com, not '" + workspaceUrl + "'");
        }
        return this;
    }

    /** Every configured channel once, in configuration order (regular channels first). */
    List<ChannelRef> channelRefs() {
        List<String> scratch = scratchpadChannels.stream().map(SlackSettings::key).toList();
        return concat(channels, scratchpadChannels).stream().map(SlackSettings::key).distinct()
                .map(k -> new ChannelRef(k, scratch.contains(k))).toList();
    }

    /** How a configured channel is compared: no leading {@code #}, ids kept, names lower-case. */
    static String key(String configured) {
        String s = configured.trim();
        if (s.startsWith("#")) s = s.substring(1).trim();
        return ChannelRef.looksLikeId(s) ? s : s.toLowerCase(Locale.ROOT);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).filter(Objects::nonNull).toList();
    }

    /** A channel as configured: a name ({@code payments}) or an id ({@code C0123ABCD}). */
    record ChannelRef(String key, boolean scratchpad) {
        static boolean looksLikeId(String s) {
            return s.matches("[CG][A-Z0-9]{6,}");
        }
    }

    @Override
    public String toString() {
        // No secrets here (only variable names), but keep it short for logs.
        return "SlackSettings[enabled=" + enabled + ", baseUrl=" + baseUrl + ", tokenEnv=" + tokenEnv
                + ", channels=" + channels + ", scratchpadChannels=" + scratchpadChannels
                + ", threadLookbackDays=" + threadLookbackDays + "]";
    }
}
