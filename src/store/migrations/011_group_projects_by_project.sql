-- Who leads a project is found through the groups it is bound to; every statistics run asks that
-- for every project, and without this index each question scans all bindings.
CREATE INDEX group_projects_by_project ON group_projects (project_id);
