-- When a day was first reported matters to the statistics only for a leader's comment on it: the delay
-- runs from there. A comment now keeps that time (it cannot change: a correction adds a later version),
-- and report_month_figures no longer lists it per report.

ALTER TABLE comments ADD COLUMN reported_at TEXT;
UPDATE comments SET reported_at = (
  SELECT MIN(v.created_at) FROM reports r JOIN reports v ON v.project_id = r.project_id AND v.date = r.date WHERE r.id = comments.report_id);
DROP INDEX comments_date;
CREATE INDEX comments_date ON comments (date, project_id, person_id, created_at, reported_at);

-- report_month_figures lists four values per report in one flat array — day of month, 形象进度, 累计完成投资,
-- 本月完成投资 — a third of the text it was, and no string or array for V8 to make per row. Every month is
-- recounted in the new form.
DELETE FROM report_month_figures;
INSERT OR IGNORE INTO report_months_stale SELECT project_id, month FROM report_months;
