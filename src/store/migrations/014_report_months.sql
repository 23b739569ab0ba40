-- What each project's current reports of a calendar month hold, kept by a trigger as reports are
-- written. report_months: the days reported on and the dates that decide a figure, so the statistics
-- count missed days and find those rows in older months without reading the rest.
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

-- One project's month: its current reports, read over its date range in the covering index.
CREATE VIEW report_month_rows AS
SELECT r.project_id, substr(r.date, 1, 7) AS month, r.date, r.progress_percent, r.investment_cumulative, r.investment_month,
       CASE WHEN r.revision = 1 THEN r.created_at
            ELSE (SELECT MIN(v.created_at) FROM reports v WHERE v.project_id = r.project_id AND v.date = r.date) END AS first_at
FROM reports r
WHERE r.current = 1;

INSERT INTO report_months
SELECT a.project_id, a.month, a.first_date, a.last_date, a.high,
       (SELECT MIN(x.date) FROM reports x
        WHERE x.current = 1 AND x.project_id = a.project_id AND x.date BETWEEN a.month || '-01' AND a.month || '-31'
          AND x.progress_percent = a.high),
       a.lp, a.fc, a.lc, a.lm, a.days
FROM (
  SELECT project_id, month, MIN(date) AS first_date, MAX(date) AS last_date, MAX(progress_percent) AS high,
         MAX(CASE WHEN progress_percent IS NOT NULL THEN date END) AS lp,
         MIN(CASE WHEN investment_cumulative IS NOT NULL THEN date END) AS fc,
         MAX(CASE WHEN investment_cumulative IS NOT NULL THEN date END) AS lc,
         MAX(CASE WHEN investment_month IS NOT NULL THEN date END) AS lm,
         SUM(1 << (CAST(substr(date, 9, 2) AS INTEGER) - 1)) AS days
  FROM report_month_rows
  GROUP BY project_id, month
) a;

INSERT INTO report_month_figures
SELECT project_id, month,
       json_group_array(json_array(date, progress_percent, investment_cumulative, investment_month, first_at) ORDER BY date)
FROM report_month_rows
GROUP BY project_id, month;

-- The store writes a report by retiring the day's current version and inserting the new one in one
-- transaction, never otherwise changing or deleting a row: recounting the month on insert is enough.
-- The same as above for the month of the new report (the date range, not the month's text, reaches the index).
CREATE TRIGGER report_months_insert AFTER INSERT ON reports WHEN NEW.current = 1
BEGIN
  INSERT OR REPLACE INTO report_months
  SELECT a.project_id, a.month, a.first_date, a.last_date, a.high,
         (SELECT MIN(x.date) FROM reports x
          WHERE x.current = 1 AND x.project_id = a.project_id AND x.date BETWEEN a.month || '-01' AND a.month || '-31'
            AND x.progress_percent = a.high),
         a.lp, a.fc, a.lc, a.lm, a.days
  FROM (
    SELECT project_id, month, MIN(date) AS first_date, MAX(date) AS last_date, MAX(progress_percent) AS high,
           MAX(CASE WHEN progress_percent IS NOT NULL THEN date END) AS lp,
           MIN(CASE WHEN investment_cumulative IS NOT NULL THEN date END) AS fc,
           MAX(CASE WHEN investment_cumulative IS NOT NULL THEN date END) AS lc,
           MAX(CASE WHEN investment_month IS NOT NULL THEN date END) AS lm,
           SUM(1 << (CAST(substr(date, 9, 2) AS INTEGER) - 1)) AS days
    FROM report_month_rows
    WHERE project_id = NEW.project_id AND date BETWEEN substr(NEW.date, 1, 7) || '-01' AND substr(NEW.date, 1, 7) || '-31'
  ) a;
  INSERT OR REPLACE INTO report_month_figures
  SELECT NEW.project_id, substr(NEW.date, 1, 7),
         json_group_array(json_array(date, progress_percent, investment_cumulative, investment_month, first_at) ORDER BY date)
  FROM report_month_rows
  WHERE project_id = NEW.project_id AND date BETWEEN substr(NEW.date, 1, 7) || '-01' AND substr(NEW.date, 1, 7) || '-31';
END;
