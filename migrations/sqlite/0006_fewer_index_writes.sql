-- Fewer index entries written on every turn.
--
-- `updated_at` changes on every turn, so an index on it moved one entry per
-- turn. Conversations are found for retention by when they were created
-- instead: a conversation last active before a cut-off was also created
-- before it, so `created_at < cut-off AND updated_at < cut-off` finds them
-- with this index, which a turn never changes.
DROP INDEX conversations_updated_at;
CREATE INDEX conversations_created_at ON conversations (created_at);

-- Only a resident's messages carry a client id; the bot's turns need no entry.
DROP INDEX conversation_events_client_id;
CREATE UNIQUE INDEX conversation_events_client_id ON conversation_events (conversation_id, client_id)
    WHERE client_id IS NOT NULL;
