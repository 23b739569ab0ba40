-- One-time codes that make a contact an admin: `rishai admin add NAME` issues one, the person sends it
-- to the bot in private. Only a hash is kept. A nickname can be copied; a code handed over in person cannot.
CREATE TABLE admin_codes (
  id         INTEGER PRIMARY KEY,
  for_name   TEXT NOT NULL,
  code_hash  TEXT NOT NULL UNIQUE,
  issued_at  TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_by    INTEGER REFERENCES persons(id),
  used_at    TEXT
);

-- A right granted by a code is bound to the contact that sent it, whatever its name later.
-- SQLite cannot alter a CHECK constraint in place; admin_source is re-declared without one.
ALTER TABLE persons RENAME COLUMN admin_source TO admin_source_old;
ALTER TABLE persons ADD COLUMN admin_source TEXT;
UPDATE persons SET admin_source = admin_source_old;
ALTER TABLE persons DROP COLUMN admin_source_old;
