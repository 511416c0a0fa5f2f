-- appTag holds every tag the app's resources carry, deploycat's own (deploycat:app,
-- deploycat:team, deploycat:stage) included, so tag reports read it instead of every spec.
-- Rows are rebuilt from each app's stored spec, where deploycat's tags win over a spec tag with
-- the same key, as on the resources.

DELETE FROM appTag;

INSERT INTO appTag (appName, key, value)
    SELECT app.name, tag.key, tag.value FROM app, jsonb_each_text(COALESCE(app.spec -> 'tags', '{}'::jsonb)) AS tag;

INSERT INTO appTag (appName, key, value)
    SELECT name, 'deploycat:app', name FROM app
    UNION ALL SELECT name, 'deploycat:team', team FROM app
    UNION ALL SELECT name, 'deploycat:stage', spec ->> 'stage' FROM app WHERE spec ->> 'stage' IS NOT NULL
    ON CONFLICT (appName, key) DO UPDATE SET value = EXCLUDED.value;

-- Tag reports ask which apps carry a key and value.
CREATE INDEX appTag_key ON appTag(key, value);
