-- Regeneration: why each template version was made, which versions are current, and which
-- catalog entry each change-log row is about, so that finding the templates a catalog change
-- made stale reads the current versions' rows only, through indexes.

-- Why the version was made: `catalog rev 42: profile us.x destinations from us-east-1
-- +us-east-2`, `spec rev 3`, ... Versions made before this step say nothing ('').
ALTER TABLE templateVersion ADD COLUMN reason TEXT NOT NULL DEFAULT '';

-- 1 on the newest version of each app and Region, 0 on the older ones.
ALTER TABLE templateVersion ADD COLUMN latest INTEGER NOT NULL DEFAULT 0 CHECK (latest IN (0, 1));
UPDATE templateVersion SET latest = 1 WHERE version = (
    SELECT MAX(v.version) FROM templateVersion v
    WHERE v.appName = templateVersion.appName AND v.region = templateVersion.region);
CREATE UNIQUE INDEX templateVersion_latest ON templateVersion(appName, region) WHERE latest = 1;

-- The newest catalog and spec revisions the version's text is known to match: those it was built
-- from, moved on when a rebuild from newer ones gives the same text (so it is no longer stale).
ALTER TABLE templateVersion ADD COLUMN upToDateCatalogRevision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE templateVersion ADD COLUMN upToDateSpecRevision INTEGER NOT NULL DEFAULT 0;
UPDATE templateVersion SET upToDateCatalogRevision = catalogRevision, upToDateSpecRevision = specRevision;
-- The oldest revision a current template is up to date with bounds the change log to read.
CREATE INDEX templateVersion_latestCatalogRevision ON templateVersion(upToDateCatalogRevision) WHERE latest = 1;

-- 1 on the dependencies of each current template: the latest version of a Region its live
-- app's spec still names (0 once a newer version, a spec without the Region or the app's
-- deletion retires it), so a lookup by catalog entry reads current templates only.
ALTER TABLE templateDependency ADD COLUMN current INTEGER NOT NULL DEFAULT 0 CHECK (current IN (0, 1));
-- For an `app` dependency (an inferenceProfileApp): that app's spec revision the template was
-- built from; NULL when unknown (versions made before this step).
ALTER TABLE templateDependency ADD COLUMN revision INTEGER;
UPDATE templateDependency SET current = 1 WHERE templateVersionId IN (
    SELECT t.id FROM templateVersion t JOIN app a ON a.name = t.appName AND a.deletedAt IS NULL
    WHERE t.latest = 1 AND EXISTS (SELECT 1 FROM json_each(a.spec, '$.regions') r WHERE r.value = t.region));
CREATE INDEX templateDependency_current ON templateDependency(kind, ref) WHERE current = 1;

-- The catalog entry a change is about, split from its subject (`profile us.x`: kind `profile`,
-- ref `us.x`), as template dependencies name it.
ALTER TABLE catalogChange ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE catalogChange ADD COLUMN ref TEXT NOT NULL DEFAULT '';
UPDATE catalogChange SET kind = substr(subject, 1, instr(subject, ' ') - 1), ref = substr(subject, instr(subject, ' ') + 1);

-- `apps list --team` reads one team's apps.
CREATE INDEX app_team ON app(team);

-- The Regions each app's current spec names, so the questions asked by Region (what is not built
-- yet, what is stale, which apps deploy there) read no spec JSON.
CREATE TABLE appRegion (
    appName TEXT NOT NULL REFERENCES app(name) ON DELETE CASCADE,
    region TEXT NOT NULL,
    PRIMARY KEY (appName, region)
);
CREATE INDEX appRegion_region ON appRegion(region);
-- (`WHERE true`: SQLite would read the ON of ON CONFLICT as the join's.)
INSERT INTO appRegion (appName, region) SELECT a.name, r.value FROM app a, json_each(a.spec, '$.regions') AS r WHERE true ON CONFLICT DO NOTHING;
