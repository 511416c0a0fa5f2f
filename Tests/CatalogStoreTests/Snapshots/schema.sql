CREATE TABLE app (
    name TEXT NOT NULL PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 63),
    team TEXT NOT NULL,
    pattern TEXT NOT NULL,
    spec TEXT NOT NULL,
    specRevision INTEGER NOT NULL CHECK (specRevision >= 1),
    source TEXT NOT NULL,
    updatedAt TEXT NOT NULL,
    deletedAt TEXT
, model TEXT, regions TEXT NOT NULL DEFAULT '[]', stage TEXT);
CREATE TABLE appRegion (
    appName TEXT NOT NULL REFERENCES app(name) ON DELETE CASCADE,
    region TEXT NOT NULL,
    PRIMARY KEY (appName, region)
);
CREATE TABLE appSpecRevision (
    appName TEXT NOT NULL REFERENCES app(name) ON DELETE CASCADE,
    specRevision INTEGER NOT NULL CHECK (specRevision >= 1),
    spec TEXT NOT NULL,
    source TEXT NOT NULL,
    appliedAt TEXT NOT NULL,
    PRIMARY KEY (appName, specRevision)
);
CREATE TABLE appTag (
    appName TEXT NOT NULL REFERENCES app(name) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (appName, key)
);
CREATE TABLE "billingLineItem" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL,
    lineItemKey TEXT NOT NULL,
    month TEXT NOT NULL,
    usageStart TEXT NOT NULL,
    productCode TEXT NOT NULL,
    usageType TEXT NOT NULL,
    resourceId TEXT NOT NULL,
    app TEXT,
    tags TEXT NOT NULL,
    cost INTEGER NOT NULL
);
CREATE TABLE billingResource (
    resourceId TEXT NOT NULL PRIMARY KEY,
    app TEXT NOT NULL
);
CREATE TABLE catalogChange (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    revision INTEGER NOT NULL REFERENCES catalogRevision(revision),
    subject TEXT NOT NULL,
    summary TEXT NOT NULL
, kind TEXT NOT NULL DEFAULT '', ref TEXT NOT NULL DEFAULT '');
CREATE TABLE catalogRevision (
    revision INTEGER NOT NULL PRIMARY KEY,
    appliedAt TEXT NOT NULL,
    origin TEXT NOT NULL
);
CREATE TABLE foundationModel (
    id TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 3 AND 140),
    provider TEXT NOT NULL,
    name TEXT,
    inputModalities TEXT NOT NULL DEFAULT '[]',
    outputModalities TEXT NOT NULL DEFAULT '[]',
    inferenceTypes TEXT NOT NULL DEFAULT '[]',
    lifecycle TEXT CHECK (lifecycle IN ('ACTIVE', 'LEGACY')),
    legacyDate TEXT,
    endOfLifeDate TEXT
, batch INTEGER CHECK (batch IN (0, 1)));
CREATE TABLE geography (
    prefix TEXT NOT NULL PRIMARY KEY CHECK (length(prefix) BETWEEN 1 AND 16),
    name TEXT NOT NULL,
    partition TEXT NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('listedRegions', 'allCommercialRegions'))
);
CREATE TABLE geographyRegion (
    geographyPrefix TEXT NOT NULL REFERENCES geography(prefix) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('source', 'destination')),
    regionCode TEXT NOT NULL REFERENCES region(code),
    PRIMARY KEY (geographyPrefix, role, regionCode)
);
CREATE TABLE modelPrice (
    modelId TEXT NOT NULL PRIMARY KEY REFERENCES foundationModel(id) ON DELETE CASCADE,
    inputPer1k REAL CHECK (inputPer1k >= 0),
    outputPer1k REAL CHECK (outputPer1k >= 0)
, batchInputPer1k REAL CHECK (batchInputPer1k >= 0), batchOutputPer1k REAL CHECK (batchOutputPer1k >= 0));
CREATE TABLE modelRegion (
    modelId TEXT NOT NULL REFERENCES foundationModel(id) ON DELETE CASCADE,
    regionCode TEXT NOT NULL REFERENCES region(code),
    PRIMARY KEY (modelId, regionCode)
);
CREATE TABLE profileRoute (
    profileId TEXT NOT NULL REFERENCES systemProfile(id) ON DELETE CASCADE,
    sourceRegion TEXT NOT NULL REFERENCES region(code),
    destinationRegion TEXT NOT NULL REFERENCES region(code),
    PRIMARY KEY (profileId, sourceRegion, destinationRegion)
);
CREATE TABLE region (
    code TEXT NOT NULL PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 32),
    name TEXT NOT NULL,
    partition TEXT NOT NULL,
    bedrock INTEGER NOT NULL CHECK (bedrock IN (0, 1))
);
CREATE TABLE sagemakerModel (
    name TEXT NOT NULL PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 63),
    image TEXT NOT NULL,
    modelDataUrl TEXT,
    defaultInstanceType TEXT,
    description TEXT
);
CREATE TABLE systemProfile (
    id TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
    modelId TEXT NOT NULL REFERENCES foundationModel(id),
    geographyPrefix TEXT NOT NULL REFERENCES geography(prefix),
    name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('listed', 'unlisted')),
    lastSeen TEXT
);
CREATE TABLE tagDefault (
    team TEXT NOT NULL,
    key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 128),
    value TEXT NOT NULL CHECK (length(value) <= 256),
    PRIMARY KEY (team, key)
);
CREATE TABLE tagPolicyKey (
    policyKey TEXT NOT NULL PRIMARY KEY,
    key TEXT NOT NULL,
    allowedValues TEXT,
    enforcedFor TEXT NOT NULL DEFAULT '[]',
    required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1))
);
CREATE TABLE templateBody (
    sha256 TEXT NOT NULL PRIMARY KEY CHECK (length(sha256) = 64),
    body TEXT NOT NULL
);
CREATE TABLE templateDependency (
    templateVersionId INTEGER NOT NULL REFERENCES templateVersion(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('model', 'sagemakerModel', 'profile', 'geography', 'region', 'app', 'tagDefaults', 'tagPolicy')),
    ref TEXT NOT NULL,
    current INTEGER NOT NULL DEFAULT 0 CHECK (current IN (0, 1)),
    revision INTEGER,
    PRIMARY KEY (templateVersionId, kind, ref)
);
CREATE TABLE "templateVersion" (
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
CREATE INDEX appRegion_region ON appRegion(region);
CREATE INDEX appTag_key ON appTag(key, value);
CREATE INDEX app_team ON app(team);
CREATE INDEX billingLineItem_month ON billingLineItem(month, source);
CREATE INDEX catalogChange_revision ON catalogChange(revision);
CREATE INDEX modelRegion_regionCode ON modelRegion(regionCode);
CREATE INDEX systemProfile_geographyPrefix ON systemProfile(geographyPrefix);
CREATE INDEX systemProfile_modelId ON systemProfile(modelId);
CREATE INDEX templateDependency_current ON templateDependency(kind, ref, templateVersionId, current) WHERE current = 1;
CREATE UNIQUE INDEX templateVersion_latest ON templateVersion(appName, region) WHERE latest = 1;
CREATE INDEX templateVersion_latestCatalogRevision ON templateVersion(upToDateCatalogRevision) WHERE latest = 1;
