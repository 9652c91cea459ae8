-- Events are indexed by a small number for their conversation, not its id.
--
-- Each active conversation adds its events in the middle of the events'
-- primary key, in a leaf of its own, and SQLite splits that leaf with its
-- neighbours whenever it fills. A 24-character id in every entry filled the
-- leaves more than twice as fast as a number does, so each turn wrote more
-- pages of the write-ahead log. Conversations keep their id (what sessions,
-- the console and the logs use); `number` is SQLite's row id, given in order
-- of creation.
--
-- SQLite cannot change a table's key in place: both tables are copied, the
-- events (which refer to the conversations) dropped first.

CREATE TABLE conversations_numbered (
    number INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    resume_token_hash TEXT NOT NULL UNIQUE,
    lang TEXT NOT NULL,
    state TEXT NOT NULL,
    owner TEXT NOT NULL,
    next_seq BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

INSERT INTO conversations_numbered
    (id, resume_token_hash, lang, state, owner, next_seq, created_at, updated_at)
SELECT id, resume_token_hash, lang, state, owner, next_seq, created_at, updated_at
FROM conversations ORDER BY created_at, id;

CREATE TABLE conversation_events_numbered (
    conversation INTEGER NOT NULL REFERENCES conversations_numbered (number) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    kind TEXT NOT NULL,
    client_id TEXT,
    detected TEXT,
    lang TEXT,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (conversation, seq)
);

INSERT INTO conversation_events_numbered
    (conversation, seq, kind, client_id, detected, lang, body, created_at)
SELECT c.number, e.seq, e.kind, e.client_id, e.detected, e.lang, e.body, e.created_at
FROM conversation_events e JOIN conversations_numbered c ON c.id = e.conversation_id
ORDER BY c.number, e.seq;

DROP TABLE conversation_events;
DROP TABLE conversations;
ALTER TABLE conversations_numbered RENAME TO conversations;
ALTER TABLE conversation_events_numbered RENAME TO conversation_events;
CREATE INDEX conversations_created_at ON conversations (created_at);
