-- A photo whose public copy cannot be made (e.g. its header is readable but not its pixels) is tried
-- three times, then left for the agency (the original is still there) and no longer retried.
ALTER TABLE reports.media ADD COLUMN process_failures INT NOT NULL DEFAULT 0;
DROP INDEX reports.media_unprocessed;
CREATE INDEX media_unprocessed ON reports.media (id) WHERE public_file IS NULL AND kind = 'PHOTO' AND process_failures < 3;
