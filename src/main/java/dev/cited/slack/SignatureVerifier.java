package dev.cited.slack;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Checks Slack's request signature: {@code v0=} + hex HMAC-SHA256 of {@code v0:{timestamp}:{raw body}} with the
 * signing secret, compared in constant time, and a timestamp within {@link #MAX_SKEW} of now in either direction
 * (unlike the SDK's verifier, a timestamp from the future is rejected too).
 */
public final class SignatureVerifier {

    public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Slack-Signature";
    public static final Duration MAX_SKEW = Duration.ofSeconds(300);

    /** Why a request was accepted or refused. */
    public enum Outcome {
        VALID("ok"),
        MISSING_HEADERS("X-Slack-Request-Timestamp and X-Slack-Signature are required"),
        BAD_TIMESTAMP("X-Slack-Request-Timestamp is not a Unix time in seconds"),
        STALE_TIMESTAMP("X-Slack-Request-Timestamp is more than 300 seconds from now"),
        BAD_SIGNATURE("X-Slack-Signature does not match the request");

        private final String message;

        Outcome(String message) {
            this.message = message;
        }

        public boolean valid() {
            return this == VALID;
        }

        public String message() {
            return message;
        }
    }

    private final byte[] secret;
    private final Clock clock;

    public SignatureVerifier(String signingSecret, Clock clock) {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException("signing secret is required");
        }
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    public Outcome verify(String timestamp, String signature, byte[] body) {
        if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()) {
            return Outcome.MISSING_HEADERS;
        }
        String ts = timestamp.trim();
        if (ts.length() > 12 || !ts.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Outcome.BAD_TIMESTAMP;
        }
        long seconds = Long.parseLong(ts);
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > MAX_SKEW.getSeconds()) {
            return Outcome.STALE_TIMESTAMP;
        }
        byte[] expected = sign(secret, ts, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Outcome.VALID : Outcome.BAD_SIGNATURE;
    }

    /** The signature Slack would send for this body: {@code v0=} followed by 64 lowercase hex digits. */
    public static String sign(String signingSecret, String timestamp, byte[] body) {
        return sign(signingSecret.getBytes(StandardCharsets.UTF_8), timestamp, body);
    }

    private static String sign(byte[] secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
