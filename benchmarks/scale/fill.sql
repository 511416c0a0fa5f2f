-- Multiplies a catalog's apps and their latest templates into a large one, for benchmarks/scale.sh:
-- each app becomes @COPIES@ apps (NAME-cN) with @VERSIONS@ template versions in each of its
-- Regions, each with the original's text (a text is stored once, in templateBody, however many
-- versions have it; no measured query reads the texts).
-- @RENAMED_SPEC@ is the engine's JSON edit of `a.spec` giving it the name `c.name`.
CREATE TEMP TABLE copyOf AS
    WITH RECURSIVE copy(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM copy WHERE n < @COPIES@)
    SELECT a.name || '-c' || copy.n AS name, a.name AS original FROM app a, copy;
CREATE TEMP TABLE versionNumber AS
    WITH RECURSIVE v(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM v WHERE n < @VERSIONS@) SELECT n FROM v;

INSERT INTO app (name, team, pattern, model, regions, stage, spec, specRevision, source, updatedAt)
    SELECT c.name, a.team, a.pattern, a.model, a.regions, a.stage, @RENAMED_SPEC@, 1, a.source, a.updatedAt
    FROM copyOf c JOIN app a ON a.name = c.original;
INSERT INTO appSpecRevision (appName, specRevision, spec, source, appliedAt)
    SELECT a.name, 1, a.spec, a.source, a.updatedAt FROM copyOf c JOIN app a ON a.name = c.name;
INSERT INTO appRegion (appName, region)
    SELECT c.name, r.region FROM copyOf c JOIN appRegion r ON r.appName = c.original;
INSERT INTO appTag (appName, key, value)
    SELECT c.name, t.key, CASE WHEN t.key = 'deploycat:app' THEN c.name ELSE t.value END
    FROM copyOf c JOIN appTag t ON t.appName = c.original;
INSERT INTO templateVersion (appName, region, version, sha256, catalogRevision, specRevision, createdAt, reason,
                             latest, upToDateCatalogRevision, upToDateSpecRevision)
    SELECT c.name, t.region, v.n, t.sha256,
           t.catalogRevision, 1, t.createdAt, 'copied for the benchmark', CASE WHEN v.n = @VERSIONS@ THEN 1 ELSE 0 END,
           t.catalogRevision, 1
    FROM copyOf c JOIN templateVersion t ON t.appName = c.original AND t.latest = 1 CROSS JOIN versionNumber v;
INSERT INTO templateDependency (templateVersionId, kind, ref, revision, current)
    SELECT nv.id, d.kind, d.ref, d.revision, nv.latest
    FROM copyOf c
    JOIN templateVersion nv ON nv.appName = c.name
    JOIN templateVersion ov ON ov.appName = c.original AND ov.region = nv.region AND ov.latest = 1
    JOIN templateDependency d ON d.templateVersionId = ov.id;
