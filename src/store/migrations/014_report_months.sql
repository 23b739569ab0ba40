-- What each project's current reports of a calendar month hold, kept by a trigger as reports are
-- written, so the statistics find the rows that decide a figure in older months without reading them.
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
  PRIMARY KEY (project_id, month)
) WITHOUT ROWID;

INSERT INTO report_months
SELECT a.project_id, a.month, a.first_date, a.last_date, a.high,
       (SELECT MIN(x.date) FROM reports x
        WHERE x.current = 1 AND x.project_id = a.project_id AND x.date BETWEEN a.month || '-01' AND a.month || '-31'
          AND x.progress_percent = a.high),
       a.lp, a.fc, a.lc, a.lm
FROM (
  SELECT project_id, substr(date, 1, 7) AS month, MIN(date) AS first_date, MAX(date) AS last_date, MAX(progress_percent) AS high,
         MAX(CASE WHEN progress_percent IS NOT NULL THEN date END) AS lp,
         MIN(CASE WHEN investment_cumulative IS NOT NULL THEN date END) AS fc,
         MAX(CASE WHEN investment_cumulative IS NOT NULL THEN date END) AS lc,
         MAX(CASE WHEN investment_month IS NOT NULL THEN date END) AS lm
  FROM reports
  WHERE current = 1
  GROUP BY project_id, substr(date, 1, 7)
) a;

-- The store writes a report by retiring the day's current version and inserting the new one in one
-- transaction, never otherwise changing or deleting a row: recounting the month on insert is enough.
-- Same figures as above, for one project's month, read over its date range in the covering index.
CREATE TRIGGER report_months_insert AFTER INSERT ON reports WHEN NEW.current = 1
BEGIN
  INSERT OR REPLACE INTO report_months
  SELECT a.project_id, a.month, a.first_date, a.last_date, a.high,
         (SELECT MIN(x.date) FROM reports x
          WHERE x.current = 1 AND x.project_id = a.project_id AND x.date BETWEEN a.month || '-01' AND a.month || '-31'
            AND x.progress_percent = a.high),
         a.lp, a.fc, a.lc, a.lm
  FROM (
    SELECT project_id, substr(date, 1, 7) AS month, MIN(date) AS first_date, MAX(date) AS last_date, MAX(progress_percent) AS high,
           MAX(CASE WHEN progress_percent IS NOT NULL THEN date END) AS lp,
           MIN(CASE WHEN investment_cumulative IS NOT NULL THEN date END) AS fc,
           MAX(CASE WHEN investment_cumulative IS NOT NULL THEN date END) AS lc,
           MAX(CASE WHEN investment_month IS NOT NULL THEN date END) AS lm
    FROM reports
    WHERE current = 1 AND project_id = NEW.project_id
      AND date BETWEEN substr(NEW.date, 1, 7) || '-01' AND substr(NEW.date, 1, 7) || '-31'
    GROUP BY project_id
  ) a;
END;
