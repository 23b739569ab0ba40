-- A message that makes sense only for a while (today's reminder) is not sent after this moment.
ALTER TABLE outbox ADD COLUMN expires_at TEXT;
