-- A project declared stopped (停工) for a period: its days are not due while it lasts.
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
CREATE INDEX stoppages_project ON stoppages (project_id, from_date);

-- Leaders' comments (点评) on a day's report.
CREATE TABLE comments (
  id          INTEGER PRIMARY KEY,
  report_id   INTEGER NOT NULL REFERENCES reports(id),
  project_id  INTEGER NOT NULL REFERENCES projects(id),
  date        TEXT NOT NULL,
  person_id   INTEGER NOT NULL REFERENCES persons(id),
  text        TEXT NOT NULL,
  message_id  INTEGER NOT NULL REFERENCES messages(id),
  created_at  TEXT NOT NULL
);
CREATE INDEX comments_project_date ON comments (project_id, date);

-- The level last announced for each project and kind of warning, so a warning repeats only when
-- its level changes or its repeat interval has passed.
CREATE TABLE warning_state (
  project_id   INTEGER NOT NULL REFERENCES projects(id),
  kind         TEXT NOT NULL,
  level        TEXT NOT NULL,
  announced_on TEXT NOT NULL,
  PRIMARY KEY (project_id, kind)
);
