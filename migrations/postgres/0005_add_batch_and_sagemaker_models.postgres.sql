-- Batch inference: whether a model takes batch jobs (NULL: no source states it) and its listed
-- batch prices. Catalogs written before this step know neither: both stay NULL (unknown) until
-- a `catalog apply` sets them.
ALTER TABLE foundationModel ADD COLUMN batch INTEGER CHECK (batch IN (0, 1));
ALTER TABLE modelPrice ADD COLUMN batchInputPer1k DOUBLE PRECISION CHECK (batchInputPer1k >= 0);
ALTER TABLE modelPrice ADD COLUMN batchOutputPer1k DOUBLE PRECISION CHECK (batchOutputPer1k >= 0);

-- SageMaker models apps may name: an ECR image and, where it has one, its model artifact.
CREATE TABLE sagemakerModel (
    name TEXT NOT NULL PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 63),
    image TEXT NOT NULL,
    modelDataUrl TEXT,
    defaultInstanceType TEXT,
    description TEXT
);

-- Templates may now depend on a SageMaker model: PostgreSQL changes the CHECK in place.
ALTER TABLE templateDependency DROP CONSTRAINT templatedependency_kind_check;
ALTER TABLE templateDependency ADD CONSTRAINT templatedependency_kind_check
    CHECK (kind IN ('model', 'sagemakerModel', 'profile', 'geography', 'region', 'app'));
