SELECT COUNT(*) FROM LearnGameSchemaVersion WHERE Version = @Version;
