-- Cases: what residents reported through flows (a pothole, a missed bin), each
-- with a reference number they can quote. `details` is the flow's answers as
-- JSON. Times are Unix milliseconds.

CREATE TABLE cases (
    reference TEXT PRIMARY KEY,
    conversation_id TEXT,
    intent TEXT NOT NULL,
    topic TEXT NOT NULL,
    lang TEXT NOT NULL,
    details TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE INDEX cases_status_created ON cases (status, created_at);
