-- The statistics read a year of current reports' figures per bulletin: with every column they read in
-- the index, SQLite answers from the index alone instead of visiting each row of the table.
CREATE INDEX reports_current_figures ON reports (project_id, date, progress_percent, investment_cumulative, investment_month, revision, created_at)
  WHERE current = 1;
