-- Registry of key projects (项目台账). Money in 万元, dates YYYY-MM-DD.
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

-- Our own stable ids for people; puppet ids change on some puppets and are only a current mapping.
CREATE TABLE persons (
  id                INTEGER PRIMARY KEY,
  puppet_contact_id TEXT UNIQUE,
  name              TEXT NOT NULL,
  is_admin          INTEGER NOT NULL DEFAULT 0,
  created_at        TEXT NOT NULL
);

-- Our own stable ids for WeChat groups, mapped to the puppet's current room id.
CREATE TABLE groups (
  id              INTEGER PRIMARY KEY,
  puppet_room_id  TEXT UNIQUE,
  topic           TEXT NOT NULL,
  is_dispatch     INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL
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

-- Chat identities holding a role on a project (联络员 liaison, 帮包领导 leader).
CREATE TABLE project_roles (
  project_id  INTEGER NOT NULL REFERENCES projects(id),
  role        TEXT NOT NULL CHECK (role IN ('liaison', 'leader')),
  person_id   INTEGER NOT NULL REFERENCES persons(id),
  assigned_by INTEGER REFERENCES persons(id),
  assigned_at TEXT NOT NULL,
  PRIMARY KEY (project_id, role, person_id)
);

-- Every inbound message, stored before it is interpreted.
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
CREATE INDEX messages_group_posted ON messages (group_id, posted_at);

-- Daily reports with their revision history: one row per version, the latest marked current.
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
  created_at            TEXT NOT NULL,
  UNIQUE (project_id, date, revision)
);
CREATE UNIQUE INDEX reports_one_current ON reports (project_id, date) WHERE current = 1;

-- Site photos linked to a report.
CREATE TABLE media (
  id          INTEGER PRIMARY KEY,
  report_id   INTEGER NOT NULL REFERENCES reports(id),
  message_id  INTEGER NOT NULL REFERENCES messages(id),
  path        TEXT NOT NULL,
  created_at  TEXT NOT NULL
);

-- Every outbound message. `key` makes sending idempotent across restarts.
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
  sent_at         TEXT,
  CHECK ((group_id IS NULL) <> (person_id IS NULL))
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
