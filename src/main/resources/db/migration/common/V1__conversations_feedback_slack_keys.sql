-- One script for SQLite and PostgreSQL: the placeholder generated_id is each dialect's auto-numbered key (Database).
-- Times are epoch milliseconds (UTC); an answer is kept as the JSON the API returned.
CREATE TABLE conversations (
    id          TEXT    PRIMARY KEY,
    turn_count  INTEGER NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);

CREATE TABLE turns (
    conversation_id TEXT    NOT NULL REFERENCES conversations (id),
    turn_number     INTEGER NOT NULL,
    question        TEXT    NOT NULL,
    search_query    TEXT    NOT NULL,
    result          TEXT    NOT NULL,
    created_at      BIGINT NOT NULL,
    PRIMARY KEY (conversation_id, turn_number)
);

-- One rating per answer and face: a second one replaces the first (the user changed their mind).
CREATE TABLE feedback (
    id              ${generated_id},
    conversation_id TEXT    NOT NULL,
    turn_number     INTEGER NOT NULL,
    rating          TEXT    NOT NULL,
    comment         TEXT    NOT NULL,
    source          TEXT    NOT NULL,
    created_at      BIGINT NOT NULL,
    UNIQUE (conversation_id, turn_number, source),
    FOREIGN KEY (conversation_id, turn_number) REFERENCES turns (conversation_id, turn_number)
);

-- Slack event ids and message keys already handled, so a retry after a restart is not answered twice.
CREATE TABLE slack_keys (
    claim_key  TEXT    PRIMARY KEY,
    claimed_at BIGINT NOT NULL
);
CREATE INDEX slack_keys_claimed_at ON slack_keys (claimed_at);
