-- WAL is stored in the file, so setting it once lets readers run alongside the writer from then on.
PRAGMA journal_mode=WAL;
