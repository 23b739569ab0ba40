-- Each cause of a failure the admins were told of (a job's failed run on a day, messages given up on a
-- day, low disk on a day): they are told once per cause, also across restarts.
CREATE TABLE failure_causes (
  cause   TEXT PRIMARY KEY,
  told_at TEXT NOT NULL
);
