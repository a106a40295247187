-- LearnGame schema 0001: the Orleans query table and grain persistence, written to the Orleans ADO.NET 10.4.2 contract.
-- Parameters are bound by Orleans without a prefix and referenced here as @Name.

CREATE TABLE OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
) STRICT;

CREATE TABLE OrleansStorage
(
    GrainIdHash            INTEGER NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdExtensionString TEXT    NULL,
    ServiceId              TEXT    NOT NULL,
    PayloadBinary          BLOB    NULL,
    ModifiedOn             TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    Version                INTEGER NOT NULL
) STRICT;

-- One row per grain identity. A unique index treats NULLs as distinct, so the extension is indexed as
-- COALESCE(ext, X''): an empty BLOB never equals any TEXT value, so NULL and '' stay different keys.
CREATE UNIQUE INDEX IX_OrleansStorage_Identity ON OrleansStorage
    (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, COALESCE(GrainIdExtensionString, X''));

-- Every query matches the identity with the null-safe IS and repeats it as the indexed expression,
-- which is what lets SQLite seek on IX_OrleansStorage_Identity instead of scanning all string keys.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
SELECT PayloadBinary AS PayloadBinary, Version AS Version
FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString IS @GrainIdExtensionString
  AND COALESCE(GrainIdExtensionString, X'''') = COALESCE(@GrainIdExtensionString, X'''');
'),
-- First write (no ETag): insert only if absent; the unique index makes one of racing inserts win, the others
-- return no row. Later writes: bump Version only where it still equals the ETag; a stale ETag returns no row.
('WriteToStorageKey', '
INSERT INTO OrleansStorage
    (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, Version)
SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @PayloadBinary, 1
WHERE @GrainStateVersion IS NULL
ON CONFLICT DO NOTHING
RETURNING Version AS NewGrainStateVersion;
UPDATE OrleansStorage
SET PayloadBinary = @PayloadBinary, ModifiedOn = CURRENT_TIMESTAMP, Version = Version + 1
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString IS @GrainIdExtensionString
  AND COALESCE(GrainIdExtensionString, X'''') = COALESCE(@GrainIdExtensionString, X'''')
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
'),
-- Clear keeps the row (and so the version history) and empties the payload.
('ClearStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = NULL, ModifiedOn = CURRENT_TIMESTAMP, Version = Version + 1
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString IS @GrainIdExtensionString
  AND COALESCE(GrainIdExtensionString, X'''') = COALESCE(@GrainIdExtensionString, X'''')
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
'),
-- Used only with DeleteStateOnClear=true: the returned value must differ from the ETag (Orleans then drops the ETag).
('DeleteStorageKey', '
DELETE FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString IS @GrainIdExtensionString
  AND COALESCE(GrainIdExtensionString, X'''') = COALESCE(@GrainIdExtensionString, X'''')
  AND Version = @GrainStateVersion
RETURNING Version + 1 AS NewGrainStateVersion;
');
