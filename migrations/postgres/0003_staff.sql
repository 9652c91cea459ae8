-- Staff accounts and their console sign-in sessions. `languages` and `topics`
-- are JSON arrays (no topics: every topic); `password_hash` is an Argon2id PHC
-- string. A session is stored only as the SHA-256 of its token. Times are Unix
-- milliseconds.

CREATE TABLE agents (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    languages TEXT NOT NULL,
    topics TEXT NOT NULL,
    role TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE staff_sessions (
    token_hash TEXT PRIMARY KEY,
    agent_id TEXT NOT NULL REFERENCES agents (id),
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE INDEX staff_sessions_agent ON staff_sessions (agent_id);
CREATE INDEX staff_sessions_expires ON staff_sessions (expires_at);
