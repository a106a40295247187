-- LearnGame PostgreSQL schema 0001: the Orleans query table and grain persistence, written to the Orleans ADO.NET 10.4.2 contract.
-- Names are unquoted, so PostgreSQL folds them to lower case and Orleans' unquoted "select QueryKey, QueryText from OrleansQuery"
-- finds them. Orleans binds parameters without a prefix; the query texts reference them as @Name, which Npgsql rewrites to $n.

CREATE TABLE orleansquery
(
    querykey  varchar(64) NOT NULL PRIMARY KEY,
    querytext text        NOT NULL
);

CREATE TABLE orleansstorage
(
    grainidhash            integer     NOT NULL,
    grainidn0              bigint      NOT NULL,
    grainidn1              bigint      NOT NULL,
    graintypehash          integer     NOT NULL,
    graintypestring        text        NOT NULL,
    -- The whole key of string-keyed grains lands here, so it is unbounded text.
    grainidextensionstring text        NULL,
    serviceid              text        NOT NULL,
    payloadbinary          bytea       NULL,
    modifiedon             timestamptz NOT NULL DEFAULT now(),
    version                integer     NOT NULL
);

-- One row per grain identity. Integer and Guid keys have a NULL extension, and a plain unique index would let two
-- NULL-extension rows of one grain in; NULLS NOT DISTINCT (PostgreSQL 15+) makes concurrent first writes leave one winner.
CREATE UNIQUE INDEX ix_orleansstorage_identity ON orleansstorage
    (serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring) NULLS NOT DISTINCT;

-- The extension is matched as "= @x OR (@x IS NULL AND col IS NULL)" rather than IS NOT DISTINCT FROM: Npgsql's unnamed
-- statements get custom plans, where the known parameter folds this to "col = 'value'" or "col IS NULL", both index seeks.
-- CAST(@GrainStateVersion AS integer) gives the parameter a type even when Orleans binds a bare NULL.
INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', $q$
SELECT payloadbinary AS PayloadBinary, version AS Version
FROM orleansstorage
WHERE serviceid = @ServiceId AND graintypestring = @GrainTypeString
  AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
  AND (grainidextensionstring = @GrainIdExtensionString OR (CAST(@GrainIdExtensionString AS text) IS NULL AND grainidextensionstring IS NULL));
$q$),
-- One statement, so it is atomic under autocommit. First write (no ETag): insert only if the identity is absent; of racing
-- inserts the unique index lets one in and the others return no row. Later writes: bump Version only where it still equals
-- the ETag; a stale ETag returns no row, which Orleans turns into InconsistentStateException.
('WriteToStorageKey', $q$
WITH inserted AS (
    INSERT INTO orleansstorage
        (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring, grainidextensionstring, serviceid, payloadbinary, version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @PayloadBinary, 1
    WHERE CAST(@GrainStateVersion AS integer) IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
), updated AS (
    UPDATE orleansstorage
    SET payloadbinary = @PayloadBinary, modifiedon = now(), version = version + 1
    WHERE serviceid = @ServiceId AND graintypestring = @GrainTypeString
      AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
      AND (grainidextensionstring = @GrainIdExtensionString OR (CAST(@GrainIdExtensionString AS text) IS NULL AND grainidextensionstring IS NULL))
      AND version = CAST(@GrainStateVersion AS integer)
    RETURNING version
)
SELECT version AS NewGrainStateVersion FROM inserted
UNION ALL
SELECT version AS NewGrainStateVersion FROM updated;
$q$),
-- Clear keeps the row (and so the version sequence) and empties the payload.
('ClearStorageKey', $q$
UPDATE orleansstorage
SET payloadbinary = NULL, modifiedon = now(), version = version + 1
WHERE serviceid = @ServiceId AND graintypestring = @GrainTypeString
  AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
  AND (grainidextensionstring = @GrainIdExtensionString OR (CAST(@GrainIdExtensionString AS text) IS NULL AND grainidextensionstring IS NULL))
  AND version = CAST(@GrainStateVersion AS integer)
RETURNING version AS NewGrainStateVersion;
$q$),
-- Used only with DeleteStateOnClear=true: the returned value must differ from the ETag (Orleans then drops the ETag).
('DeleteStorageKey', $q$
DELETE FROM orleansstorage
WHERE serviceid = @ServiceId AND graintypestring = @GrainTypeString
  AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
  AND (grainidextensionstring = @GrainIdExtensionString OR (CAST(@GrainIdExtensionString AS text) IS NULL AND grainidextensionstring IS NULL))
  AND version = CAST(@GrainStateVersion AS integer)
RETURNING version + 1 AS NewGrainStateVersion;
$q$);
