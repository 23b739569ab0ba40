-- The warnings read the current reports of recent days for all projects at once: a covering index
-- answers that without touching the table.
CREATE INDEX reports_current_date ON reports (date, project_id, progress_percent) WHERE current = 1;
