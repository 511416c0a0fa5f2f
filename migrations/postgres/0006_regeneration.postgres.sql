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
-- The oldest catalog revision a current template was built from bounds the change log to read.
CREATE INDEX templateVersion_latestCatalogRevision ON templateVersion(catalogRevision) WHERE latest = 1;

-- The same flag on each version's dependencies, so a lookup by catalog entry skips older versions.
ALTER TABLE templateDependency ADD COLUMN latest INTEGER NOT NULL DEFAULT 0 CHECK (latest IN (0, 1));
-- For an `app` dependency (an inferenceProfileApp): that app's spec revision the template was
-- built from; NULL when unknown (versions made before this step).
ALTER TABLE templateDependency ADD COLUMN revision INTEGER;
UPDATE templateDependency SET latest = 1 WHERE templateVersionId IN (SELECT id FROM templateVersion WHERE latest = 1);
CREATE INDEX templateDependency_latest ON templateDependency(kind, ref) WHERE latest = 1;

-- The catalog entry a change is about, split from its subject (`profile us.x`: kind `profile`,
-- ref `us.x`), as template dependencies name it.
ALTER TABLE catalogChange ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE catalogChange ADD COLUMN ref TEXT NOT NULL DEFAULT '';
UPDATE catalogChange SET kind = split_part(subject, ' ', 1), ref = substr(subject, strpos(subject, ' ') + 1);

-- `apps list --team` reads one team's apps.
CREATE INDEX app_team ON app(team);
