-- Pattern specs and every template version synthesized from them.

-- An app's spec as JSON; specRevision counts the spec's changes. A deleted app keeps its row
-- (deletedAt set) so its template versions stay readable.
CREATE TABLE app (
    name TEXT NOT NULL PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 63),
    team TEXT NOT NULL,
    pattern TEXT NOT NULL,
    spec JSONB NOT NULL,
    specRevision INTEGER NOT NULL CHECK (specRevision >= 1),
    source TEXT NOT NULL,
    updatedAt TEXT NOT NULL,
    deletedAt TEXT
);

-- The app's cost-allocation tags, for reports by tag.
CREATE TABLE appTag (
    appName TEXT NOT NULL REFERENCES app(name) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (appName, key)
);

-- One row per distinct template of an app in a Region; version counts from 1 per app and Region.
-- The body stays text, not JSONB: its exact bytes are what sha256 identifies.
CREATE TABLE templateVersion (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    appName TEXT NOT NULL REFERENCES app(name),
    region TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    body TEXT NOT NULL,
    catalogRevision INTEGER NOT NULL,
    specRevision INTEGER NOT NULL,
    createdAt TEXT NOT NULL,
    UNIQUE (appName, region, version)
);

-- What a template version was built from: kind is model, profile, geography, region or app.
-- No foreign keys to the catalog: history outlives catalog entries.
CREATE TABLE templateDependency (
    templateVersionId BIGINT NOT NULL REFERENCES templateVersion(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('model', 'profile', 'geography', 'region', 'app')),
    ref TEXT NOT NULL,
    PRIMARY KEY (templateVersionId, kind, ref)
);
CREATE INDEX templateDependency_ref ON templateDependency(kind, ref);
