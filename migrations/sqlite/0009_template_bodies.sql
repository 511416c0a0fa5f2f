-- Template texts stored once each, however many versions have the same text (a version whose
-- text went back to an earlier one's, apps whose templates are alike), keyed by the SHA-256
-- that each version records.
CREATE TABLE templateBody (
    sha256 TEXT NOT NULL PRIMARY KEY CHECK (length(sha256) = 64),
    body TEXT NOT NULL
);
INSERT INTO templateBody (sha256, body)
    SELECT sha256, body FROM templateVersion
    WHERE id IN (SELECT MIN(id) FROM templateVersion GROUP BY sha256);

-- templateVersion without its body, its sha256 now a reference to templateBody. SQLite adds
-- no foreign key to a table in place: the table is made again under a new name, filled,
-- and renamed (foreign keys are off while a migration runs, and checked before it commits).
-- The columns keep their order and their text as the earlier steps' ALTERs wrote it.
CREATE TABLE templateVersion_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    appName TEXT NOT NULL REFERENCES app(name),
    region TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64) REFERENCES templateBody(sha256),
    catalogRevision INTEGER NOT NULL,
    specRevision INTEGER NOT NULL,
    createdAt TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '', latest INTEGER NOT NULL DEFAULT 0 CHECK (latest IN (0, 1)), upToDateCatalogRevision INTEGER NOT NULL DEFAULT 0, upToDateSpecRevision INTEGER NOT NULL DEFAULT 0, tags TEXT,
    UNIQUE (appName, region, version)
);
INSERT INTO templateVersion_new (id, appName, region, version, sha256, catalogRevision, specRevision, createdAt, reason,
                                 latest, upToDateCatalogRevision, upToDateSpecRevision, tags)
    SELECT id, appName, region, version, sha256, catalogRevision, specRevision, createdAt, reason,
           latest, upToDateCatalogRevision, upToDateSpecRevision, tags
    FROM templateVersion;
DROP TABLE templateVersion;
ALTER TABLE templateVersion_new RENAME TO templateVersion;
CREATE UNIQUE INDEX templateVersion_latest ON templateVersion(appName, region) WHERE latest = 1;
CREATE INDEX templateVersion_latestCatalogRevision ON templateVersion(upToDateCatalogRevision) WHERE latest = 1;
