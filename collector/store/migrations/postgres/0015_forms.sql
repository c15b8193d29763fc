-- forms: reserved for this session's work; replaced by its tables before release.
SELECT 1;
