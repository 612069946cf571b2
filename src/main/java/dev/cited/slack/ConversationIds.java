package dev.cited.slack;

/** A Slack thread (channel + root ts) is one Cited conversation. */
public final class ConversationIds {
    static final int MAX_LENGTH = 128;

    private ConversationIds() {
    }

    /** "slack-{channel}-{threadTs}", limited to the characters and length conversation ids allow. */
    public static String forThread(String channel, String threadTs) {
        String id = "slack-" + channel + "-" + threadTs;
        id = id.replaceAll("[^A-Za-z0-9._:-]", "_");
        return id.length() > MAX_LENGTH ? id.substring(0, MAX_LENGTH) : id;
    }
}
