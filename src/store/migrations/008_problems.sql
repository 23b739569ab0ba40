-- Problems raised in daily reports (存在问题), tracked from first report until closed (销号).
-- The id is the number staff type: #销号 12.
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
);
CREATE INDEX problems_project_status ON problems (project_id, status);

-- Every report version a problem appeared in.
CREATE TABLE problem_reports (
  problem_id INTEGER NOT NULL REFERENCES problems(id),
  report_id  INTEGER NOT NULL REFERENCES reports(id),
  PRIMARY KEY (problem_id, report_id)
);
