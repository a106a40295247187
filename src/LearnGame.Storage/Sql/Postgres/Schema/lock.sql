-- Every LearnGame migrator takes this transaction-scoped advisory lock first, so silos starting together migrate one at a
-- time. The key is arbitrary but fixed: "LGschema" in ASCII, as a bigint.
SELECT pg_advisory_xact_lock(5496488741019413857);
