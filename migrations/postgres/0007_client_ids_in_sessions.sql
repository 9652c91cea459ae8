-- A resent message is recognised by the session that owns its conversation.
--
-- Only the session that owns a conversation may write it, and it loads the
-- conversation's client message ids when it takes the conversation over, so
-- it knows every id the store holds. The unique index that used to recognise
-- resends cost a page of the write-ahead log on every resident message (a
-- leaf of its own for each active conversation, split as it filled): about a
-- third of what a turn wrote. Resends are found with the events' primary key
-- instead, which leads with the conversation's id.
DROP INDEX conversation_events_client_id;
