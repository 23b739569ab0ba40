-- A message that must not arrive before another (a bulletin's image after its text) names that
-- message's key; it waits while that message is still pending or being sent.
ALTER TABLE outbox ADD COLUMN after_key TEXT;
