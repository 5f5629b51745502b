package dev.nightjar.slack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Posts into a Slack thread: every reply of the app goes where the question was asked. */
public class ThreadPoster {

    private final SlackWebApi slack;

    public ThreadPoster(SlackWebApi slack) {
        this.slack = slack;
    }

    /** @return the posted message's ts */
    public String reply(String channel, String threadTs, Map<String, Object> message) {
        Map<String, Object> m = new LinkedHashMap<>(message);
        m.put("channel", channel);
        if (threadTs != null && !threadTs.isBlank()) m.put("thread_ts", threadTs);
        m.put("unfurl_links", false);
        return slack.postMessage(m);
    }

    /**
     * Posts a message and its follow-ups (a long answer split to fit Slack's limits) in order, all in
     * the thread: the question's thread, or the first message's own when there is none.
     */
    public void replyAll(String channel, String threadTs, List<Map<String, Object>> messages) {
        String thread = threadTs;
        for (Map<String, Object> m : messages) {
            String ts = reply(channel, thread, m);
            if (thread == null || thread.isBlank()) thread = ts;
        }
    }

    public String replyText(String channel, String threadTs, String text) {
        return reply(channel, threadTs, Map.of("text", text));
    }
}
