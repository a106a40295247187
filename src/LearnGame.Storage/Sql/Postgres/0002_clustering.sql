-- LearnGame PostgreSQL schema 0002: Orleans cluster membership, written to the Orleans ADO.NET 10.4.2 contract.
-- The version row of a deployment is the membership table's ETag: every insert or update of a silo row checks that it
-- still holds @Version and bumps it in the same statement, so of racing silos exactly one wins and the others get 0.

CREATE TABLE orleansmembershipversiontable
(
    deploymentid text        NOT NULL PRIMARY KEY,
    modifiedon   timestamptz NOT NULL DEFAULT now(),
    version      integer     NOT NULL DEFAULT 0
);

-- No foreign key to the version row: the queries below already require it, and deleting a deployment removes both.
CREATE TABLE orleansmembershiptable
(
    deploymentid text         NOT NULL,
    address      varchar(45)  NOT NULL,
    port         integer      NOT NULL,
    generation   integer      NOT NULL,
    siloname     text         NOT NULL,
    hostname     text         NOT NULL,
    status       integer      NOT NULL,
    proxyport    integer      NOT NULL DEFAULT 0,
    suspecttimes text         NULL,
    starttime    timestamptz  NOT NULL,
    iamalivetime timestamptz  NOT NULL,
    PRIMARY KEY (deploymentid, address, port, generation)
);

INSERT INTO orleansquery (querykey, querytext) VALUES
('InsertMembershipVersionKey', $q$
WITH inserted AS (
    INSERT INTO orleansmembershipversiontable (deploymentid) VALUES (@DeploymentId)
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT CAST(count(*) AS integer) AS Inserted FROM inserted;
$q$),
-- The version row is locked by the UPDATE; a racing statement waits, re-checks version = @Version on the new row and
-- matches nothing. The silo row is inserted only from a bumped version row, so a stale ETag changes nothing.
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE orleansmembershipversiontable
    SET version = version + 1, modifiedon = now()
    WHERE deploymentid = @DeploymentId AND version = @Version
      AND NOT EXISTS (SELECT 1 FROM orleansmembershiptable
                      WHERE deploymentid = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deploymentid
), inserted AS (
    INSERT INTO orleansmembershiptable
        (deploymentid, address, port, generation, siloname, hostname, status, proxyport, suspecttimes, starttime, iamalivetime)
    SELECT deploymentid, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, NULL, @StartTime, @IAmAliveTime
    FROM bumped
    RETURNING 1
)
SELECT CAST(count(*) AS integer) AS Inserted FROM inserted;
$q$),
('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE orleansmembershipversiontable
    SET version = version + 1, modifiedon = now()
    WHERE deploymentid = @DeploymentId AND version = @Version
      AND EXISTS (SELECT 1 FROM orleansmembershiptable
                  WHERE deploymentid = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deploymentid
), updated AS (
    UPDATE orleansmembershiptable AS m
    SET status = @Status, suspecttimes = @SuspectTimes, iamalivetime = @IAmAliveTime
    FROM bumped
    WHERE m.deploymentid = bumped.deploymentid AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING 1
)
SELECT CAST(count(*) AS integer) AS Updated FROM updated;
$q$),
-- Liveness heartbeats are not membership changes: they never touch the version row.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleansmembershiptable
SET iamalivetime = @IAmAliveTime
WHERE deploymentid = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;
$q$),
-- Both reads start from the version row, so a deployment without silos still returns its version (with NULL members).
('MembershipReadRowKey', $q$
SELECT v.deploymentid AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
       m.siloname AS SiloName, m.hostname AS HostName, m.status AS Status, m.proxyport AS ProxyPort,
       m.suspecttimes AS SuspectTimes, m.starttime AS StartTime, m.iamalivetime AS IAmAliveTime, v.version AS Version
FROM orleansmembershipversiontable AS v
LEFT JOIN orleansmembershiptable AS m
       ON m.deploymentid = v.deploymentid AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.deploymentid = @DeploymentId;
$q$),
('MembershipReadAllKey', $q$
SELECT v.deploymentid AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
       m.siloname AS SiloName, m.hostname AS HostName, m.status AS Status, m.proxyport AS ProxyPort,
       m.suspecttimes AS SuspectTimes, m.starttime AS StartTime, m.iamalivetime AS IAmAliveTime, v.version AS Version
FROM orleansmembershipversiontable AS v
LEFT JOIN orleansmembershiptable AS m ON m.deploymentid = v.deploymentid
WHERE v.deploymentid = @DeploymentId;
$q$),
('GatewaysQueryKey', $q$
SELECT address AS Address, proxyport AS ProxyPort, generation AS Generation
FROM orleansmembershiptable
WHERE deploymentid = @DeploymentId AND status = @Status AND proxyport > 0;
$q$),
('DeleteMembershipTableEntriesKey', $q$
WITH members AS (
    DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId
)
DELETE FROM orleansmembershipversiontable WHERE deploymentid = @DeploymentId;
$q$),
-- Only Dead (6) silos are defunct: Joining or ShuttingDown silos with an old heartbeat are still members. The version row
-- stays, because every silo row's ETag is its version. (CleanupDefunctSiloEntryKey is deliberately not defined: with it,
-- Orleans 10.4.2 deletes one row at a time by exact timestamp equality.)
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleansmembershiptable
WHERE deploymentid = @DeploymentId AND iamalivetime < @IAmAliveTime AND status = 6;
$q$);
