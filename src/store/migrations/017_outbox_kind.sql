-- What an item is decides how it is sent (only scheduled messages wait out the quiet hours); the
-- sender used to tell it from the key's prefix. Items queued before keep their behaviour: their kind
-- is read from their keys once, here. The default only fills those rows; the store always says.
ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'reply' CHECK (kind IN ('reply', 'scheduled', 'alert'));
UPDATE outbox SET kind = 'scheduled' WHERE key GLOB 'job:*';
UPDATE outbox SET kind = 'alert' WHERE key GLOB 'rebind:*';
