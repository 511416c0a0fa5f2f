-- Tag defaults: catalog-wide (team '*') and per team; an app's own tags win over its team's,
-- and those over the catalog's.
CREATE TABLE tagDefault (
    team TEXT NOT NULL,
    key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 128),
    value TEXT NOT NULL CHECK (length(value) <= 256),
    PRIMARY KEY (team, key)
);

-- The tag policy, one row per key (policyKey is the key in lowercase, as Organizations names
-- it; deploycat lowercases it, the same on both engines whatever their locale): its spelling, allowed values (a JSON array; NULL allows any), where AWS enforces it
-- (a JSON array of resource types), and whether every app must carry it.
CREATE TABLE tagPolicyKey (
    policyKey TEXT NOT NULL PRIMARY KEY,
    key TEXT NOT NULL,
    allowedValues TEXT,
    enforcedFor TEXT NOT NULL DEFAULT '[]',
    required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1))
);

-- The tags each template version's resources carry (a JSON object); NULL for versions built
-- before deploycat kept them, whose tags were their spec's.
ALTER TABLE templateVersion ADD COLUMN tags TEXT;

-- Templates now depend on tag defaults and policy keys. SQLite cannot change a CHECK
-- constraint, so the table is made again and its rows copied back.
CREATE TEMP TABLE templateDependencyCopy AS SELECT templateVersionId, kind, ref, current, revision FROM templateDependency;
DROP TABLE templateDependency;
CREATE TABLE templateDependency (
    templateVersionId INTEGER NOT NULL REFERENCES templateVersion(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('model', 'sagemakerModel', 'profile', 'geography', 'region', 'app', 'tagDefaults', 'tagPolicy')),
    ref TEXT NOT NULL,
    current INTEGER NOT NULL DEFAULT 0 CHECK (current IN (0, 1)),
    revision INTEGER,
    PRIMARY KEY (templateVersionId, kind, ref)
);
INSERT INTO templateDependency (templateVersionId, kind, ref, current, revision)
    SELECT templateVersionId, kind, ref, current, revision FROM templateDependencyCopy;
DROP TABLE templateDependencyCopy;
CREATE INDEX templateDependency_ref ON templateDependency(kind, ref);
CREATE INDEX templateDependency_current ON templateDependency(kind, ref) WHERE current = 1;

-- Current templates depend on the catalog's tag defaults, their team's, and their tag keys as
-- the policy names them (their apps' tags, deploycat's own aside, and their profiles' own tags).
INSERT INTO templateDependency (templateVersionId, kind, ref, current)
    SELECT t.id, 'tagDefaults', '*', 1 FROM templateVersion t
    WHERE t.latest = 1 AND EXISTS (SELECT 1 FROM templateDependency d WHERE d.templateVersionId = t.id AND d.current = 1);
INSERT INTO templateDependency (templateVersionId, kind, ref, current)
    SELECT t.id, 'tagDefaults', a.team, 1 FROM templateVersion t JOIN app a ON a.name = t.appName
    WHERE t.latest = 1 AND EXISTS (SELECT 1 FROM templateDependency d WHERE d.templateVersionId = t.id AND d.current = 1);
INSERT INTO templateDependency (templateVersionId, kind, ref, current)
    SELECT DISTINCT t.id, 'tagPolicy', lower(g.key), 1 FROM templateVersion t JOIN appTag g ON g.appName = t.appName
    WHERE t.latest = 1 AND g.key NOT LIKE 'deploycat:%'
      AND EXISTS (SELECT 1 FROM templateDependency d WHERE d.templateVersionId = t.id AND d.current = 1);
INSERT OR IGNORE INTO templateDependency (templateVersionId, kind, ref, current)
    SELECT DISTINCT t.id, 'tagPolicy', lower(p.key), 1
    FROM templateVersion t JOIN app a ON a.name = t.appName,
         json_each(a.spec, '$.properties.tags') p
    WHERE t.latest = 1 AND json_type(a.spec, '$.properties.tags') = 'object'
      AND EXISTS (SELECT 1 FROM templateDependency d WHERE d.templateVersionId = t.id AND d.current = 1);
INSERT OR IGNORE INTO templateDependency (templateVersionId, kind, ref, current)
    SELECT DISTINCT t.id, 'tagPolicy', lower(p.key), 1
    FROM templateVersion t JOIN app a ON a.name = t.appName,
         json_each(a.spec, '$.properties.inferenceProfileProps.tags') p
    WHERE t.latest = 1 AND json_type(a.spec, '$.properties.inferenceProfileProps.tags') = 'object'
      AND EXISTS (SELECT 1 FROM templateDependency d WHERE d.templateVersionId = t.id AND d.current = 1);
