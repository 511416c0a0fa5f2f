-- Every query on dependencies by what a template was built from asks for current templates, and
-- the partial index templateDependency_current answers those by (kind, ref) alone; the rest go
-- by version id, through the primary key. The index on (kind, ref) over every dependency was
-- kept up to date on each version recorded (about ten rows each) and read by none.
DROP INDEX templateDependency_ref;
