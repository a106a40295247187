-- The table of our own that records which numbered migrations the database has had (unquoted, so stored lower-case).
CREATE TABLE IF NOT EXISTS learngameschemaversion (version integer NOT NULL PRIMARY KEY, name text NOT NULL, appliedon timestamptz NOT NULL DEFAULT now());
