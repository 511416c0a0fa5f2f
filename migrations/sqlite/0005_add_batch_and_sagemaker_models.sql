-- Batch inference: whether a model takes batch jobs (NULL: no source states it) and its listed
-- batch prices. Catalogs written before this migration know neither: both stay NULL (unknown)
-- until a `catalog apply` sets them.
ALTER TABLE foundationModel ADD COLUMN batch INTEGER CHECK (batch IN (0, 1));
ALTER TABLE modelPrice ADD COLUMN batchInputPer1k REAL CHECK (batchInputPer1k >= 0);
ALTER TABLE modelPrice ADD COLUMN batchOutputPer1k REAL CHECK (batchOutputPer1k >= 0);

-- SageMaker models apps may name: an ECR image and, where it has one, its model artifact.
CREATE TABLE sagemakerModel (
    name TEXT NOT NULL PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 63),
    image TEXT NOT NULL,
    modelDataUrl TEXT,
    defaultInstanceType TEXT,
    description TEXT
);

-- Templates may now depend on a SageMaker model. SQLite cannot change a CHECK constraint, so
-- the table is made again and its rows copied back.
CREATE TEMP TABLE templateDependencyCopy AS SELECT templateVersionId, kind, ref FROM templateDependency;
DROP TABLE templateDependency;
CREATE TABLE templateDependency (
    templateVersionId INTEGER NOT NULL REFERENCES templateVersion(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('model', 'sagemakerModel', 'profile', 'geography', 'region', 'app')),
    ref TEXT NOT NULL,
    PRIMARY KEY (templateVersionId, kind, ref)
);
CREATE INDEX templateDependency_ref ON templateDependency(kind, ref);
INSERT INTO templateDependency (templateVersionId, kind, ref)
    SELECT templateVersionId, kind, ref FROM templateDependencyCopy;
DROP TABLE templateDependencyCopy;
