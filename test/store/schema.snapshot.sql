-- sqlite_master after migration, sorted by kind and name. Regenerate the checked-in copy with npm run schema:dump.
PRAGMA user_version = 20;

CREATE TABLE admin_codes (
  id         INTEGER PRIMARY KEY,
  for_name   TEXT NOT NULL,
  code_hash  TEXT NOT NULL UNIQUE,
  issued_at  TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_by    INTEGER REFERENCES persons(id),
  used_at    TEXT
);

CREATE TABLE calendar_overrides (
  date   TEXT PRIMARY KEY,
  kind   TEXT NOT NULL CHECK (kind IN ('workday', 'holiday')),
  note   TEXT,
  set_by TEXT,
  set_at TEXT NOT NULL
);

CREATE TABLE comments (
  id          INTEGER PRIMARY KEY,
  report_id   INTEGER NOT NULL REFERENCES reports(id),
  project_id  INTEGER NOT NULL REFERENCES projects(id),
  date        TEXT NOT NULL,
  person_id   INTEGER NOT NULL REFERENCES persons(id),
  text        TEXT NOT NULL,
  message_id  INTEGER NOT NULL REFERENCES messages(id),
  created_at  TEXT NOT NULL
, reported_at TEXT);

CREATE TABLE failure_causes (
  cause   TEXT PRIMARY KEY,
  told_at TEXT NOT NULL
);

CREATE TABLE group_members (
  group_id   INTEGER NOT NULL REFERENCES groups(id),
  person_id  INTEGER NOT NULL REFERENCES persons(id),
  PRIMARY KEY (group_id, person_id)
);

CREATE TABLE group_projects (
  group_id   INTEGER NOT NULL REFERENCES groups(id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  bound_by   INTEGER REFERENCES persons(id),
  bound_at   TEXT NOT NULL,
  PRIMARY KEY (group_id, project_id)
);

CREATE TABLE groups (
  id              INTEGER PRIMARY KEY,
  puppet_room_id  TEXT UNIQUE,
  topic           TEXT NOT NULL,
  is_dispatch     INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL
);

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

CREATE TABLE media (
  id          INTEGER PRIMARY KEY,
  report_id   INTEGER NOT NULL REFERENCES reports(id),
  message_id  INTEGER NOT NULL REFERENCES messages(id),
  path        TEXT NOT NULL,
  created_at  TEXT NOT NULL
);

CREATE TABLE messages (
  id                INTEGER PRIMARY KEY,
  puppet_message_id TEXT NOT NULL UNIQUE,
  group_id          INTEGER REFERENCES groups(id),
  person_id         INTEGER REFERENCES persons(id),
  room_topic        TEXT,
  talker_name       TEXT,
  type              TEXT NOT NULL,
  text              TEXT,
  posted_at         TEXT NOT NULL,
  received_at       TEXT NOT NULL,
  outcome           TEXT
);

CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  key             TEXT NOT NULL UNIQUE,
  group_id        INTEGER REFERENCES groups(id),
  person_id       INTEGER REFERENCES persons(id),
  text            TEXT NOT NULL,
  file_path       TEXT,
  mentions        TEXT NOT NULL DEFAULT '[]',
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'unknown')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT,
  created_at      TEXT NOT NULL,
  sent_at         TEXT, expires_at TEXT, after_key TEXT, kind TEXT NOT NULL DEFAULT 'reply' CHECK (kind IN ('reply', 'scheduled', 'alert')),
  CHECK ((group_id IS NULL) <> (person_id IS NULL))
);

CREATE TABLE persons (
  id                INTEGER PRIMARY KEY,
  puppet_contact_id TEXT UNIQUE,
  name              TEXT NOT NULL,
  is_admin          INTEGER NOT NULL DEFAULT 0,
  created_at        TEXT NOT NULL
, admin_source TEXT);

CREATE TABLE problem_reports (
  problem_id INTEGER NOT NULL REFERENCES problems(id),
  report_id  INTEGER NOT NULL REFERENCES reports(id),
  PRIMARY KEY (problem_id, report_id)
);

CREATE TABLE problems (
  id              INTEGER PRIMARY KEY,
  project_id      INTEGER NOT NULL REFERENCES projects(id),
  -- As worded in the latest report that carried it.
  text            TEXT NOT NULL,
  first_date      TEXT NOT NULL,
  last_date       TEXT NOT NULL,
  -- withdrawn: only ever in report versions that a correction replaced.
  status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'withdrawn')),
  -- The highest step of the escalation ladder announced so far (0 = none).
  announced_level INTEGER NOT NULL DEFAULT 0,
  -- The closed item this one repeats, when a problem came back after 销号.
  reopens         INTEGER REFERENCES problems(id),
  closed_by       INTEGER REFERENCES persons(id),
  closed_at       TEXT,
  close_note      TEXT,
  created_at      TEXT NOT NULL
, withdrawn_by INTEGER REFERENCES reports(id));

CREATE TABLE project_roles (
  project_id  INTEGER NOT NULL REFERENCES projects(id),
  role        TEXT NOT NULL CHECK (role IN ('liaison', 'leader')),
  person_id   INTEGER NOT NULL REFERENCES persons(id),
  assigned_by INTEGER REFERENCES persons(id),
  assigned_at TEXT NOT NULL,
  PRIMARY KEY (project_id, role, person_id)
);

CREATE TABLE projects (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL UNIQUE,
  aliases          TEXT NOT NULL DEFAULT '[]',
  category         TEXT,
  chain            TEXT,
  town             TEXT,
  unit             TEXT,
  leader           TEXT,
  liaison          TEXT,
  total_investment REAL,
  annual_plan      REAL,
  planned_start    TEXT,
  planned_finish   TEXT,
  status           TEXT NOT NULL DEFAULT '在建',
  registered       INTEGER NOT NULL DEFAULT 0,
  updated_at       TEXT NOT NULL
);

CREATE TABLE report_month_figures (
  project_id INTEGER NOT NULL,
  month      TEXT NOT NULL,
  -- [[date, 形象进度, 累计完成投资, 本月完成投资, first reported at], …] by date
  figures    TEXT NOT NULL,
  PRIMARY KEY (project_id, month)
) WITHOUT ROWID;

CREATE TABLE report_months (
  project_id            INTEGER NOT NULL,
  month                 TEXT NOT NULL, -- YYYY-MM
  first_date            TEXT NOT NULL,
  last_date             TEXT NOT NULL,
  high                  REAL,          -- highest 形象进度
  high_date             TEXT,          -- the first day it was reported
  last_progress_date    TEXT,
  first_cumulative_date TEXT,
  last_cumulative_date  TEXT,
  last_month_date       TEXT,          -- the last day with 本月完成投资
  days                  INTEGER NOT NULL, -- bit d-1 set: a report on day d
  PRIMARY KEY (project_id, month)
) WITHOUT ROWID;

CREATE TABLE report_months_stale (
  project_id INTEGER NOT NULL,
  month      TEXT NOT NULL,
  PRIMARY KEY (project_id, month)
) WITHOUT ROWID;

CREATE TABLE reports (
  id                    INTEGER PRIMARY KEY,
  project_id            INTEGER NOT NULL REFERENCES projects(id),
  date                  TEXT NOT NULL,
  revision              INTEGER NOT NULL,
  current               INTEGER NOT NULL DEFAULT 1,
  message_id            INTEGER NOT NULL REFERENCES messages(id),
  person_id             INTEGER REFERENCES persons(id),
  progress_percent      REAL,
  progress_text         TEXT,
  today_work            TEXT,
  workers               INTEGER,
  machines              INTEGER,
  investment_cumulative REAL,
  investment_month      REAL,
  problems              TEXT NOT NULL DEFAULT '[]',
  next_plan             TEXT,
  flags                 TEXT NOT NULL DEFAULT '[]',
  created_at            TEXT NOT NULL, notes TEXT, correction INTEGER NOT NULL DEFAULT 0, pending INTEGER NOT NULL DEFAULT 0,
  UNIQUE (project_id, date, revision)
);

CREATE TABLE scheduler_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE schedules (
  job        TEXT PRIMARY KEY,
  cron       TEXT NOT NULL,
  paused     INTEGER NOT NULL DEFAULT 0,
  updated_by TEXT,
  updated_at TEXT NOT NULL
);

CREATE TABLE setting_changes (
  id         INTEGER PRIMARY KEY,
  subject    TEXT NOT NULL,
  old_value  TEXT,
  new_value  TEXT,
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL
);

CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE stoppages (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES projects(id),
  reason      TEXT NOT NULL,
  from_date   TEXT NOT NULL,
  -- Last stopped day, inclusive; NULL until someone declares 复工 or gave an end date.
  to_date     TEXT,
  declared_by INTEGER REFERENCES persons(id),
  declared_at TEXT NOT NULL
);

CREATE TABLE warning_state (
  project_id   INTEGER NOT NULL REFERENCES projects(id),
  kind         TEXT NOT NULL,
  level        TEXT NOT NULL,
  announced_on TEXT NOT NULL,
  PRIMARY KEY (project_id, kind)
);

CREATE INDEX comments_date ON comments (date, project_id, person_id, created_at, reported_at);

CREATE INDEX comments_project_date ON comments (project_id, date);

CREATE INDEX group_projects_by_project ON group_projects (project_id);

CREATE INDEX messages_group_posted ON messages (group_id, posted_at);

CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

CREATE INDEX problems_project_status ON problems (project_id, status);

CREATE INDEX reports_current_date ON reports (date, project_id, progress_percent) WHERE current = 1;

CREATE INDEX reports_current_figures ON reports (project_id, date, progress_percent, investment_cumulative, investment_month, revision, created_at)
  WHERE current = 1;

CREATE UNIQUE INDEX reports_one_current ON reports (project_id, date) WHERE current = 1;

CREATE INDEX stoppages_project ON stoppages (project_id, from_date);

CREATE TRIGGER report_months_mark AFTER INSERT ON reports WHEN NEW.current = 1
BEGIN
  INSERT OR IGNORE INTO report_months_stale VALUES (NEW.project_id, substr(NEW.date, 1, 7));
END;

CREATE TRIGGER report_months_mark_promoted AFTER UPDATE OF current ON reports WHEN NEW.current = 1 AND OLD.current = 0
BEGIN
  INSERT OR IGNORE INTO report_months_stale VALUES (NEW.project_id, substr(NEW.date, 1, 7));
END;
