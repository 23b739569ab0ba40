-- The statistics read the comments on two periods' reports: without this, every comment ever made.
CREATE INDEX comments_date ON comments (date);
