CREATE TABLE "sync_heads" (
	"workspace_id" text PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sync_heads" ADD CONSTRAINT "sync_heads_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scope_entries_user_looked_up" ON "scope_entries" USING btree ("user_id","looked_up_at") WHERE "scope_entries"."looked_up_at" is not null;--> statement-breakpoint
-- Each synced table's statements raise their workspace's head to the newest version they wrote: once a statement,
-- not once a row, so a bulk insert pays one small upsert. A head never goes down; an update that drew no new version
-- (a repeated lookup) leaves it, and its row, alone.
CREATE OR REPLACE FUNCTION raise_sync_head_to(ws text, v bigint) RETURNS void AS $$
  INSERT INTO sync_heads AS h (workspace_id, version) VALUES (ws, v)
  ON CONFLICT (workspace_id) DO UPDATE SET version = excluded.version WHERE h.version < excluded.version;
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION raise_sync_head() RETURNS trigger AS $$
BEGIN
  PERFORM raise_sync_head_to(workspace_id, max(version)) FROM new_rows GROUP BY workspace_id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION raise_sync_head_of_workspaces() RETURNS trigger AS $$
BEGIN
  PERFORM raise_sync_head_to(id, version) FROM new_rows;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Scope entries carry no workspace: their contact's is theirs.
CREATE OR REPLACE FUNCTION raise_sync_head_of_scope_entries() RETURNS trigger AS $$
BEGIN
  PERFORM raise_sync_head_to(c.workspace_id, max(n.version)) FROM new_rows n JOIN contacts c ON c.id = n.contact_id GROUP BY c.workspace_id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER workspaces_sync_head_insert AFTER INSERT ON workspaces REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raise_sync_head_of_workspaces();
--> statement-breakpoint
CREATE TRIGGER workspaces_sync_head_update AFTER UPDATE ON workspaces REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raise_sync_head_of_workspaces();
--> statement-breakpoint
CREATE TRIGGER scope_entries_sync_head_insert AFTER INSERT ON scope_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raise_sync_head_of_scope_entries();
--> statement-breakpoint
CREATE TRIGGER scope_entries_sync_head_update AFTER UPDATE ON scope_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raise_sync_head_of_scope_entries();
--> statement-breakpoint
CREATE TRIGGER contacts_sync_head_insert AFTER INSERT ON contacts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raise_sync_head();
--> statement-breakpoint
CREATE TRIGGER contacts_sync_head_update AFTER UPDATE ON contacts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raise_sync_head();
--> statement-breakpoint
CREATE TRIGGER activities_sync_head_insert AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raise_sync_head();
--> statement-breakpoint
CREATE TRIGGER activities_sync_head_update AFTER UPDATE ON activities REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raise_sync_head();
--> statement-breakpoint
CREATE TRIGGER attempts_sync_head_insert AFTER INSERT ON attempts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raise_sync_head();
--> statement-breakpoint
CREATE TRIGGER attempts_sync_head_update AFTER UPDATE ON attempts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raise_sync_head();
--> statement-breakpoint
CREATE TRIGGER content_sync_head_insert AFTER INSERT ON content REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raise_sync_head();
--> statement-breakpoint
CREATE TRIGGER content_sync_head_update AFTER UPDATE ON content REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raise_sync_head();
--> statement-breakpoint
CREATE TRIGGER scope_exits_sync_head_insert AFTER INSERT ON scope_exits REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raise_sync_head();
--> statement-breakpoint
CREATE TRIGGER scope_exits_sync_head_update AFTER UPDATE ON scope_exits REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raise_sync_head();
--> statement-breakpoint
CREATE TRIGGER stage_changes_sync_head_insert AFTER INSERT ON stage_changes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raise_sync_head();
--> statement-breakpoint
CREATE TRIGGER stage_changes_sync_head_update AFTER UPDATE ON stage_changes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raise_sync_head();
--> statement-breakpoint
CREATE TRIGGER questions_sync_head_insert AFTER INSERT ON questions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raise_sync_head();
--> statement-breakpoint
CREATE TRIGGER questions_sync_head_update AFTER UPDATE ON questions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raise_sync_head();
--> statement-breakpoint
CREATE TRIGGER question_answers_sync_head_insert AFTER INSERT ON question_answers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raise_sync_head();
--> statement-breakpoint
CREATE TRIGGER question_answers_sync_head_update AFTER UPDATE ON question_answers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raise_sync_head();
--> statement-breakpoint
CREATE TRIGGER alerts_sync_head_insert AFTER INSERT ON alerts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raise_sync_head();
--> statement-breakpoint
CREATE TRIGGER alerts_sync_head_update AFTER UPDATE ON alerts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION raise_sync_head();
--> statement-breakpoint
-- The heads of the workspaces already here: the newest version of any of their synced rows.
INSERT INTO sync_heads (workspace_id, version)
SELECT workspace_id, max(version) FROM (
  SELECT id AS workspace_id, version FROM workspaces
  UNION ALL SELECT workspace_id, max(version) FROM contacts GROUP BY 1
  UNION ALL SELECT workspace_id, max(version) FROM activities GROUP BY 1
  UNION ALL SELECT workspace_id, max(version) FROM attempts GROUP BY 1
  UNION ALL SELECT workspace_id, max(version) FROM content GROUP BY 1
  UNION ALL SELECT workspace_id, max(version) FROM scope_exits GROUP BY 1
  UNION ALL SELECT workspace_id, max(version) FROM stage_changes GROUP BY 1
  UNION ALL SELECT workspace_id, max(version) FROM questions GROUP BY 1
  UNION ALL SELECT workspace_id, max(version) FROM question_answers GROUP BY 1
  UNION ALL SELECT workspace_id, max(version) FROM alerts GROUP BY 1
  UNION ALL SELECT c.workspace_id, max(e.version) FROM scope_entries e JOIN contacts c ON c.id = e.contact_id GROUP BY 1
) AS v
GROUP BY workspace_id;
