-- What `apps list` shows of an app besides its name, team and pattern, kept beside the spec so a
-- list of thousands of apps decodes no spec: the model it calls (NULL when it calls none), its
-- Regions as the spec names them (a JSON array, in the spec's order) and its stage. Where each
-- pattern keeps its model is known to deploycat's code, not to SQL: deploycat fills these
-- columns for the apps already stored right after this step, in the same transaction.
ALTER TABLE app ADD COLUMN model TEXT;
ALTER TABLE app ADD COLUMN regions TEXT NOT NULL DEFAULT '[]';
ALTER TABLE app ADD COLUMN stage TEXT;
