-- The row's version and payload, for a write whose outcome is unknown.
SELECT Version, PayloadBinary FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString IS NULL AND COALESCE(GrainIdExtensionString, X'') = X'';
