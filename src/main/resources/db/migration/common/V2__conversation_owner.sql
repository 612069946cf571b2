-- Who started a conversation (a signed-in user's id; null when nobody signs in): only they may continue it.
ALTER TABLE conversations ADD COLUMN owner TEXT;
