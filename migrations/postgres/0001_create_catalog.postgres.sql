-- The model catalog: Regions, cross-Region geographies, foundation models with their
-- Regions and prices, system-defined inference profiles with their routes, and the
-- revision history with one change-log row per change. The same step as SQLite's; names are
-- unquoted, so PostgreSQL keeps them in lower case.

CREATE TABLE region (
    code TEXT NOT NULL PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 32),
    name TEXT NOT NULL,
    partition TEXT NOT NULL,
    bedrock INTEGER NOT NULL CHECK (bedrock IN (0, 1))
);

CREATE TABLE geography (
    prefix TEXT NOT NULL PRIMARY KEY CHECK (length(prefix) BETWEEN 1 AND 16),
    name TEXT NOT NULL,
    partition TEXT NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('listedRegions', 'allCommercialRegions'))
);

-- A Region is a source (callers there may use the geography's profiles) or a
-- destination (requests may be served there), or both.
CREATE TABLE geographyRegion (
    geographyPrefix TEXT NOT NULL REFERENCES geography(prefix) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('source', 'destination')),
    regionCode TEXT NOT NULL REFERENCES region(code),
    PRIMARY KEY (geographyPrefix, role, regionCode)
);

-- Modalities and inference types are JSON arrays of strings.
CREATE TABLE foundationModel (
    id TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 3 AND 140),
    provider TEXT NOT NULL,
    name TEXT,
    inputModalities JSONB NOT NULL DEFAULT '[]',
    outputModalities JSONB NOT NULL DEFAULT '[]',
    inferenceTypes JSONB NOT NULL DEFAULT '[]',
    lifecycle TEXT CHECK (lifecycle IN ('ACTIVE', 'LEGACY')),
    legacyDate TEXT,
    endOfLifeDate TEXT
);

-- Regions where ListFoundationModels lists the model.
CREATE TABLE modelRegion (
    modelId TEXT NOT NULL REFERENCES foundationModel(id) ON DELETE CASCADE,
    regionCode TEXT NOT NULL REFERENCES region(code),
    PRIMARY KEY (modelId, regionCode)
);
CREATE INDEX modelRegion_regionCode ON modelRegion(regionCode);

-- On-demand prices in USD per 1,000 tokens; NULL where no source states one.
CREATE TABLE modelPrice (
    modelId TEXT NOT NULL PRIMARY KEY REFERENCES foundationModel(id) ON DELETE CASCADE,
    inputPer1k DOUBLE PRECISION CHECK (inputPer1k >= 0),
    outputPer1k DOUBLE PRECISION CHECK (outputPer1k >= 0)
);

CREATE TABLE systemProfile (
    id TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
    modelId TEXT NOT NULL REFERENCES foundationModel(id),
    geographyPrefix TEXT NOT NULL REFERENCES geography(prefix),
    name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('listed', 'unlisted')),
    lastSeen TEXT
);
CREATE INDEX systemProfile_modelId ON systemProfile(modelId);
CREATE INDEX systemProfile_geographyPrefix ON systemProfile(geographyPrefix);

-- Where a request made in sourceRegion through the profile may be served.
CREATE TABLE profileRoute (
    profileId TEXT NOT NULL REFERENCES systemProfile(id) ON DELETE CASCADE,
    sourceRegion TEXT NOT NULL REFERENCES region(code),
    destinationRegion TEXT NOT NULL REFERENCES region(code),
    PRIMARY KEY (profileId, sourceRegion, destinationRegion)
);

-- One row per command that changed the catalog.
CREATE TABLE catalogRevision (
    revision INTEGER NOT NULL PRIMARY KEY,
    appliedAt TEXT NOT NULL,
    origin TEXT NOT NULL
);

CREATE TABLE catalogChange (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    revision INTEGER NOT NULL REFERENCES catalogRevision(revision),
    subject TEXT NOT NULL,
    summary TEXT NOT NULL
);
CREATE INDEX catalogChange_revision ON catalogChange(revision);
