-- What the page the resident asked from is about, as the widget said, shown to
-- staff in the queue.
ALTER TABLE handoffs ADD COLUMN page TEXT;
