package dev.cited.slack;

/**
 * Slack app settings.
 *
 * @param signingSecret verifies requests; null or blank turns the Slack endpoint off
 * @param botToken      xoxb- token for chat.postMessage and reactions
 * @param apiUrl        Web API prefix, "https://slack.com/api/" unless a stand-in replaces Slack
 * @param publicUrl     where users reach the web UI, for source links; null when unknown
 */
public record SlackSettings(String signingSecret, String botToken, String apiUrl, String publicUrl) {
    public boolean enabled() {
        return signingSecret != null && !signingSecret.isBlank();
    }
}
