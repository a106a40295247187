INSERT INTO LearnGameSchemaVersion (Version, Name) VALUES (@Version, @Name);
