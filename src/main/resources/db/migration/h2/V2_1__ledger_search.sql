-- H2 has no trigram index; its list queries scan (the embedded database serves small installations).
CREATE INDEX ix_project_name ON project (name);
