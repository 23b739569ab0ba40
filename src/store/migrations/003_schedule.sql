-- Job schedules as changed by admins; a job without a row runs on its default.
CREATE TABLE schedules (
  job        TEXT PRIMARY KEY,
  cron       TEXT NOT NULL,
  paused     INTEGER NOT NULL DEFAULT 0,
  updated_by TEXT,
  updated_at TEXT NOT NULL
);

-- Who changed what, when: every schedule or threshold change, old → new.
CREATE TABLE setting_changes (
  id         INTEGER PRIMARY KEY,
  subject    TEXT NOT NULL,
  old_value  TEXT,
  new_value  TEXT,
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL
);

-- One row per job slot that came due. The primary key is what stops a slot from running twice.
CREATE TABLE job_runs (
  job         TEXT NOT NULL,
  slot        TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'missed')),
  late        INTEGER NOT NULL DEFAULT 0,
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  error       TEXT,
  PRIMARY KEY (job, slot)
);

-- Small named values the scheduler keeps across restarts (the last minute it evaluated).
CREATE TABLE scheduler_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
