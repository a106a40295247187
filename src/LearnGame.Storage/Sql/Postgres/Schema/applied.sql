SELECT count(*) FROM learngameschemaversion WHERE version = @Version;
