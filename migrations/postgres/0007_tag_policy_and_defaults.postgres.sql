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
    allowedValues jsonb,
    enforcedFor jsonb NOT NULL DEFAULT '[]',
    required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1))
);

-- The tags each template version's resources carry (a JSON object); NULL for versions built
-- before deploycat kept them, whose tags were their spec's.
ALTER TABLE templateVersion ADD COLUMN tags jsonb;

-- Templates now depend on tag defaults and policy keys.
ALTER TABLE templateDependency DROP CONSTRAINT templatedependency_kind_check;
ALTER TABLE templateDependency ADD CONSTRAINT templatedependency_kind_check
    CHECK (kind IN ('model', 'sagemakerModel', 'profile', 'geography', 'region', 'app', 'tagDefaults', 'tagPolicy'));
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
INSERT INTO templateDependency (templateVersionId, kind, ref, current)
    SELECT DISTINCT t.id, 'tagPolicy', lower(p.key), 1
    FROM templateVersion t JOIN app a ON a.name = t.appName
    CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(a.spec #> '{properties,tags}') = 'object'
        THEN a.spec #> '{properties,tags}' ELSE '{}'::jsonb END) p
    WHERE t.latest = 1
      AND EXISTS (SELECT 1 FROM templateDependency d WHERE d.templateVersionId = t.id AND d.current = 1)
ON CONFLICT DO NOTHING;
INSERT INTO templateDependency (templateVersionId, kind, ref, current)
    SELECT DISTINCT t.id, 'tagPolicy', lower(p.key), 1
    FROM templateVersion t JOIN app a ON a.name = t.appName
    CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(a.spec #> '{properties,inferenceProfileProps,tags}') = 'object'
        THEN a.spec #> '{properties,inferenceProfileProps,tags}' ELSE '{}'::jsonb END) p
    WHERE t.latest = 1
      AND EXISTS (SELECT 1 FROM templateDependency d WHERE d.templateVersionId = t.id AND d.current = 1)
ON CONFLICT DO NOTHING;
