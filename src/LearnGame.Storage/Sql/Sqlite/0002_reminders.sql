-- LearnGame schema 0002: Orleans reminders on SQLite, written to the Orleans ADO.NET 10.4.2 reminder contract
-- (Orleans ships no SQLite reminder scripts; these are ours, tested in SqliteRemindersTests).

CREATE TABLE OrleansRemindersTable
(
    ServiceId    TEXT    NOT NULL,
    GrainId      TEXT    NOT NULL,
    ReminderName TEXT    NOT NULL,
    -- UTC, as Microsoft.Data.Sqlite writes a DateTime: 'yyyy-MM-dd HH:mm:ss.FFFFFFF'.
    StartTime    TEXT    NOT NULL,
    -- Milliseconds.
    Period       INTEGER NOT NULL,
    GrainHash    INTEGER NOT NULL,
    Version      INTEGER NOT NULL,
    PRIMARY KEY (ServiceId, GrainId, ReminderName)
) STRICT;

-- Each silo reads the reminders of its hash range.
CREATE INDEX IX_OrleansRemindersTable_Range ON OrleansRemindersTable (ServiceId, GrainHash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadReminderRowsKey', '
SELECT GrainId AS GrainId, ReminderName AS ReminderName, StartTime AS StartTime, Period AS Period, Version AS Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId;
'),
('ReadReminderRowKey', '
SELECT GrainId AS GrainId, ReminderName AS ReminderName, StartTime AS StartTime, Period AS Period, Version AS Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName;
'),
-- The ring range (Begin, End]: Orleans uses this key when Begin < End (signed) ...
('ReadRangeRows1Key', '
SELECT GrainId AS GrainId, ReminderName AS ReminderName, StartTime AS StartTime, Period AS Period, Version AS Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash;
'),
-- ... and this one when the range wraps around the end of the ring.
('ReadRangeRows2Key', '
SELECT GrainId AS GrainId, ReminderName AS ReminderName, StartTime AS StartTime, Period AS Period, Version AS Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);
'),
-- Registering a reminder again overwrites it without an ETag check; the new version invalidates older ETags.
('UpsertReminderRowKey', '
INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
SET StartTime = excluded.StartTime, Period = excluded.Period, GrainHash = excluded.GrainHash, Version = Version + 1
RETURNING Version AS Version;
'),
-- A bool query must return exactly one row: the DELETE returns none, changes() then counts what it removed.
('DeleteReminderRowKey', '
DELETE FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName AND Version = @Version;
SELECT changes() AS Deleted;
'),
('DeleteReminderRowsKey', '
DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId;
');
