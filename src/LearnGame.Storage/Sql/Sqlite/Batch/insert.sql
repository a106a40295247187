-- A first write: the row at version 1, unless one with this identity is there already (then no row comes back).
INSERT INTO OrleansStorage
    (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, Version)
VALUES (@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, NULL, @ServiceId, @PayloadBinary, 1)
ON CONFLICT DO NOTHING
RETURNING Version AS NewGrainStateVersion;
