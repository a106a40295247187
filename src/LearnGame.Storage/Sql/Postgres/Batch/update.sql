UPDATE orleansstorage
SET payloadbinary = $1, modifiedon = now(), version = version + 1
WHERE serviceid = $2 AND graintypestring = $3
  AND grainidn0 = $4 AND grainidn1 = $5
  AND grainidextensionstring IS NULL
  AND version = $6
RETURNING version AS NewGrainStateVersion;
