SELECT version, payloadbinary FROM orleansstorage
WHERE serviceid = $1 AND graintypestring = $2 AND grainidn0 = $3 AND grainidn1 = $4
  AND grainidextensionstring IS NULL;
