-- The table of our own that records which numbered migrations the database has had.
CREATE TABLE IF NOT EXISTS LearnGameSchemaVersion (Version INTEGER NOT NULL PRIMARY KEY, Name TEXT NOT NULL, AppliedOn TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP) STRICT;
