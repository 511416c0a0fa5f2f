-- Every revision of every app's spec, so the catalog can say when a spec changed what: a
-- Region dropped from a spec retires its templates at the revision that dropped it.

CREATE TABLE appSpecRevision (
    appName TEXT NOT NULL REFERENCES app(name) ON DELETE CASCADE,
    specRevision INTEGER NOT NULL CHECK (specRevision >= 1),
    spec JSONB NOT NULL,
    source TEXT NOT NULL,
    appliedAt TEXT NOT NULL,
    PRIMARY KEY (appName, specRevision)
);

-- Catalogs written before this table knew only each app's current spec.
INSERT INTO appSpecRevision (appName, specRevision, spec, source, appliedAt)
    SELECT name, specRevision, spec, source, updatedAt FROM app;
