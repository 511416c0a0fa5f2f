-- Template texts stored once each, however many versions have the same text (a version whose
-- text went back to an earlier one's, apps whose templates are alike), keyed by the SHA-256
-- that each version records.
CREATE TABLE templateBody (
    sha256 TEXT NOT NULL PRIMARY KEY CHECK (length(sha256) = 64),
    body TEXT NOT NULL
);
INSERT INTO templateBody (sha256, body)
    SELECT DISTINCT ON (sha256) sha256, body FROM templateVersion ORDER BY sha256, id;
ALTER TABLE templateVersion DROP COLUMN body;
ALTER TABLE templateVersion ADD CONSTRAINT templateVersion_body FOREIGN KEY (sha256) REFERENCES templateBody(sha256);
