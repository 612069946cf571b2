package dev.cited.slack;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static dev.cited.slack.SignatureVerifier.Outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SignatureVerifierTest {
    // Slack's worked example ("Verifying requests from Slack"), as used in its SDKs' test suites.
    static final String DOC_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String DOC_TIMESTAMP = "1531420618";
    static final String DOC_BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    static final String DOC_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static final byte[] BODY = "{\"type\":\"event_callback\"}".getBytes(StandardCharsets.UTF_8);
    private static final long NOW = 1_800_000_000L;

    private static SignatureVerifier at(String secret, long epochSecond) {
        return new SignatureVerifier(secret, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void givenSlacksDocumentedExample_whenClockFixedAtItsTime_thenValid() {
        assertEquals(DOC_SIGNATURE, SignatureVerifier.sign(DOC_SECRET, DOC_TIMESTAMP, bytes(DOC_BODY)));
        assertEquals(Outcome.VALID, at(DOC_SECRET, Long.parseLong(DOC_TIMESTAMP))
                .verify(DOC_TIMESTAMP, DOC_SIGNATURE, bytes(DOC_BODY)));
    }

    @Test
    void givenSlacksDocumentedExample_whenRealClock_thenStale() {
        SignatureVerifier verifier = new SignatureVerifier(DOC_SECRET, Clock.systemUTC());
        assertEquals(Outcome.STALE_TIMESTAMP, verifier.verify(DOC_TIMESTAMP, DOC_SIGNATURE, bytes(DOC_BODY)));
    }

    @Test
    void givenGoodSignature_whenWithinFiveMinutesEitherWay_thenValid() {
        for (long skew : new long[]{-300, -1, 0, 1, 300}) {
            String ts = String.valueOf(NOW + skew);
            assertEquals(Outcome.VALID, at("s3cret", NOW).verify(ts, SignatureVerifier.sign("s3cret", ts, BODY), BODY),
                    "skew " + skew);
        }
    }

    @Test
    void givenTimestampOutsideFiveMinutes_whenPastOrFuture_thenStale() {
        for (long skew : new long[]{-301, 301, -86_400, 86_400}) {
            String ts = String.valueOf(NOW + skew);
            assertEquals(Outcome.STALE_TIMESTAMP,
                    at("s3cret", NOW).verify(ts, SignatureVerifier.sign("s3cret", ts, BODY), BODY), "skew " + skew);
        }
    }

    @Test
    void givenWrongSecretOrChangedBody_whenVerified_thenBadSignature() {
        String ts = String.valueOf(NOW);
        SignatureVerifier verifier = at("s3cret", NOW);
        assertEquals(Outcome.BAD_SIGNATURE, verifier.verify(ts, SignatureVerifier.sign("other", ts, BODY), BODY));
        assertEquals(Outcome.BAD_SIGNATURE, verifier.verify(ts, SignatureVerifier.sign("s3cret", ts, BODY),
                bytes("{\"type\":\"event_callback\" }")));
        assertEquals(Outcome.BAD_SIGNATURE, verifier.verify(ts, "v0=abc", BODY));
        assertEquals(Outcome.BAD_SIGNATURE, verifier.verify(ts,
                SignatureVerifier.sign("s3cret", String.valueOf(NOW - 1), BODY), BODY));
    }

    @Test
    void givenMissingOrMalformedHeaders_whenVerified_thenRefused() {
        String ts = String.valueOf(NOW);
        String sig = SignatureVerifier.sign("s3cret", ts, BODY);
        SignatureVerifier verifier = at("s3cret", NOW);
        assertEquals(Outcome.MISSING_HEADERS, verifier.verify(null, sig, BODY));
        assertEquals(Outcome.MISSING_HEADERS, verifier.verify(ts, null, BODY));
        assertEquals(Outcome.MISSING_HEADERS, verifier.verify(" ", sig, BODY));
        assertEquals(Outcome.BAD_TIMESTAMP, verifier.verify("17e8", sig, BODY));
        assertEquals(Outcome.BAD_TIMESTAMP, verifier.verify("-1800000000", sig, BODY));
        assertEquals(Outcome.BAD_TIMESTAMP, verifier.verify("99999999999999999999", sig, BODY));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
