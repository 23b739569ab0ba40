-- The statistics read who commented when on two periods' reports: from this index alone, instead of
-- every comment ever made.
CREATE INDEX comments_date ON comments (date, project_id, person_id, created_at);
