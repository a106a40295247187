-- LearnGame PostgreSQL schema 0003: Orleans reminders, written to the Orleans ADO.NET 10.4.2 contract.

CREATE TABLE orleansreminderstable
(
    serviceid    text        NOT NULL,
    grainid      text        NOT NULL,
    remindername text        NOT NULL,
    starttime    timestamptz NOT NULL,
    -- Milliseconds; Orleans reads it as an integer, so bigint rather than numeric or interval.
    period       bigint      NOT NULL,
    grainhash    integer     NOT NULL,
    version      integer     NOT NULL,
    PRIMARY KEY (serviceid, grainid, remindername)
);

-- Each silo reads the reminders of its hash range.
CREATE INDEX ix_orleansreminderstable_range ON orleansreminderstable (serviceid, grainhash);

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadReminderRowsKey', $q$
SELECT grainid AS GrainId, remindername AS ReminderName, starttime AS StartTime, period AS Period, version AS Version
FROM orleansreminderstable
WHERE serviceid = @ServiceId AND grainid = @GrainId;
$q$),
('ReadReminderRowKey', $q$
SELECT grainid AS GrainId, remindername AS ReminderName, starttime AS StartTime, period AS Period, version AS Version
FROM orleansreminderstable
WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName;
$q$),
-- The ring range (Begin, End]: Orleans uses this key when Begin < End (signed) ...
('ReadRangeRows1Key', $q$
SELECT grainid AS GrainId, remindername AS ReminderName, starttime AS StartTime, period AS Period, version AS Version
FROM orleansreminderstable
WHERE serviceid = @ServiceId AND grainhash > @BeginHash AND grainhash <= @EndHash;
$q$),
-- ... and this one when the range wraps around the end of the ring.
('ReadRangeRows2Key', $q$
SELECT grainid AS GrainId, remindername AS ReminderName, starttime AS StartTime, period AS Period, version AS Version
FROM orleansreminderstable
WHERE serviceid = @ServiceId AND (grainhash > @BeginHash OR grainhash <= @EndHash);
$q$),
-- Registering a reminder again overwrites it without an ETag check; the new version invalidates older ETags.
('UpsertReminderRowKey', $q$
INSERT INTO orleansreminderstable AS r (serviceid, grainid, remindername, starttime, period, grainhash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
SET starttime = excluded.starttime, period = excluded.period, grainhash = excluded.grainhash, version = r.version + 1
RETURNING version AS Version;
$q$),
('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM orleansreminderstable
    WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName AND version = @Version
    RETURNING 1
)
SELECT CAST(count(*) AS integer) AS Deleted FROM deleted;
$q$),
('DeleteReminderRowsKey', $q$
DELETE FROM orleansreminderstable WHERE serviceid = @ServiceId;
$q$);
