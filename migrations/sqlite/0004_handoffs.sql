-- Handoffs: residents waiting for a member of staff, or in a chat with one.
-- `status` is waiting, with_agent or ended; `outcome` says how it ended
-- (resolved, referred, callback, no-reply, other, handed-back, left,
-- abandoned). `pending` holds, as a JSON list, what the agent wrote while the
-- resident was away. `urgent` is 1 for safeguarding handoffs. Times are Unix
-- milliseconds.

CREATE TABLE handoffs (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    lang TEXT NOT NULL,
    topic TEXT,
    urgent BIGINT NOT NULL,
    summary TEXT NOT NULL,
    status TEXT NOT NULL,
    agent_id TEXT,
    agent_name TEXT,
    outcome TEXT,
    pending TEXT NOT NULL,
    queued_at BIGINT NOT NULL,
    assigned_at BIGINT,
    ended_at BIGINT
);

-- At most one handoff per conversation is open, whatever instance asks.
CREATE UNIQUE INDEX handoffs_one_open ON handoffs (conversation_id) WHERE status <> 'ended';
CREATE INDEX handoffs_status ON handoffs (status, queued_at);
