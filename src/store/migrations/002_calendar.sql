-- Admin overrides of the workday calendar; a row here wins over the built-in holiday data.
CREATE TABLE calendar_overrides (
  date   TEXT PRIMARY KEY,
  kind   TEXT NOT NULL CHECK (kind IN ('workday', 'holiday')),
  note   TEXT,
  set_by TEXT,
  set_at TEXT NOT NULL
);
