package dev.cited.slack;

/** A Slack thread (channel + root ts) is one Cited conversation. */
public final class ConversationIds {
    static final int MAX_LENGTH = 128;
    /**
     * The owner of every Slack thread's conversation: a thread is shared by whoever is in the channel, and
     * Slack vouches for them (signed requests); web and API users cannot continue or list these.
     */
    public static final String OWNER = "slack";

    private ConversationIds() {
    }

    /** "slack-{channel}-{threadTs}", limited to the characters and length conversation ids allow. */
    public static String forThread(String channel, String threadTs) {
        String id = "slack-" + channel + "-" + threadTs;
        id = id.replaceAll("[^A-Za-z0-9._:-]", "_");
        return id.length() > MAX_LENGTH ? id.substring(0, MAX_LENGTH) : id;
    }
}
