-- The current templates' dependencies, found by what they were built from (`apps list --model`,
-- `regenerate`, `impact`), lead to their template version without reading the dependency rows:
-- the index holds the version's id too (and `current`, which SQLite otherwise reads from the row
-- to check the index's condition). Each row it saves reading is a page scattered over a table
-- of millions.
DROP INDEX templateDependency_current;
CREATE INDEX templateDependency_current ON templateDependency(kind, ref, templateVersionId, current) WHERE current = 1;
