-- Resident conversations and their event logs (the transcript, with acks' seqs).
-- Times are Unix milliseconds; `state` and `body` are JSON written by councilbot.
-- `owner` is the session that may write the conversation: a resume takes it
-- over, and writes by any other session (on any instance) are refused.

CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    resume_token_hash TEXT NOT NULL UNIQUE,
    lang TEXT NOT NULL,
    state TEXT NOT NULL,
    owner TEXT NOT NULL,
    next_seq BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE INDEX conversations_updated_at ON conversations (updated_at);

CREATE TABLE conversation_events (
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    kind TEXT NOT NULL,
    client_id TEXT,
    detected TEXT,
    lang TEXT,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);

-- A client message id is stored once per conversation, however often it is sent.
CREATE UNIQUE INDEX conversation_events_client_id ON conversation_events (conversation_id, client_id);
