-- Remarks typed after a field's figure, as a JSON object by field key; NULL when none.
ALTER TABLE reports ADD COLUMN notes TEXT;
-- 1 when its writer marked it 更正 (a correction of that day's report).
ALTER TABLE reports ADD COLUMN correction INTEGER NOT NULL DEFAULT 0;
-- 1 for a submission from someone who may not replace the day's report: kept, not current, until the
-- liaison (or an admin) confirms it.
ALTER TABLE reports ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
-- The report version whose correction left the problem out, for a withdrawn problem.
ALTER TABLE problems ADD COLUMN withdrawn_by INTEGER REFERENCES reports(id);

-- A confirmed submission becomes current by an update, not an insert: its month is recounted too.
CREATE TRIGGER report_months_mark_promoted AFTER UPDATE OF current ON reports WHEN NEW.current = 1 AND OLD.current = 0
BEGIN
  INSERT OR IGNORE INTO report_months_stale VALUES (NEW.project_id, substr(NEW.date, 1, 7));
END;
