INSERT INTO learngameschemaversion (version, name) VALUES (@Version, @Name);
