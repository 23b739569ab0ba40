-- What each project's current reports of a calendar month hold, recounted after reports are written.
-- report_months: the days reported on and the dates that decide a figure, so the statistics count
-- missed days and find those rows in older months without reading the rest.
-- report_month_figures: the month's figures as one JSON text, which the statistics read for recent
-- months instead of row by row (apart, to keep report_months small).
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

CREATE TABLE report_month_figures (
  project_id INTEGER NOT NULL,
  month      TEXT NOT NULL,
  -- [[date, 形象进度, 累计完成投资, 本月完成投资, first reported at], …] by date
  figures    TEXT NOT NULL,
  PRIMARY KEY (project_id, month)
) WITHOUT ROWID;

-- Months whose reports changed since they were last summarised. A trigger only marks them, so saving a
-- report stays cheap; the store recounts them before the statistics read (ReportStore.refreshMonths):
-- every evening's 日晒榜 does, so a bulletin finds at most a morning's reports to count.
CREATE TABLE report_months_stale (
  project_id INTEGER NOT NULL,
  month      TEXT NOT NULL,
  PRIMARY KEY (project_id, month)
) WITHOUT ROWID;

INSERT INTO report_months_stale SELECT DISTINCT project_id, substr(date, 1, 7) FROM reports WHERE current = 1;

-- The store writes a report by retiring the day's current version and inserting the new one in one
-- transaction, never otherwise changing or deleting a row: marking the month of each insert is enough.
CREATE TRIGGER report_months_mark AFTER INSERT ON reports WHEN NEW.current = 1
BEGIN
  INSERT OR IGNORE INTO report_months_stale VALUES (NEW.project_id, substr(NEW.date, 1, 7));
END;
