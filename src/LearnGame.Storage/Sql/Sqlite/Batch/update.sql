-- An update of a Guid-keyed state in a shared transaction: WriteToStorageKey's compare-and-bump with no extension.
UPDATE OrleansStorage
SET PayloadBinary = @PayloadBinary, ModifiedOn = CURRENT_TIMESTAMP, Version = Version + 1
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString IS NULL AND COALESCE(GrainIdExtensionString, X'') = X''
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
