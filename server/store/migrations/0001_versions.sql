-- Every synced row takes its version from row_version on insert and on update: one number orders all changes.
CREATE OR REPLACE FUNCTION set_row_version() RETURNS trigger AS $$
BEGIN
  NEW.version := nextval('row_version');
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER workspaces_version BEFORE INSERT OR UPDATE ON workspaces FOR EACH ROW EXECUTE FUNCTION set_row_version();
--> statement-breakpoint
CREATE TRIGGER contacts_version BEFORE INSERT OR UPDATE ON contacts FOR EACH ROW EXECUTE FUNCTION set_row_version();
--> statement-breakpoint
CREATE TRIGGER activities_version BEFORE INSERT OR UPDATE ON activities FOR EACH ROW EXECUTE FUNCTION set_row_version();
--> statement-breakpoint
CREATE TRIGGER attempts_version BEFORE INSERT OR UPDATE ON attempts FOR EACH ROW EXECUTE FUNCTION set_row_version();
--> statement-breakpoint
CREATE TRIGGER content_version BEFORE INSERT OR UPDATE ON content FOR EACH ROW EXECUTE FUNCTION set_row_version();
--> statement-breakpoint
CREATE TRIGGER scope_exits_version BEFORE INSERT OR UPDATE ON scope_exits FOR EACH ROW EXECUTE FUNCTION set_row_version();
--> statement-breakpoint
-- A scope entry takes a new version only when it is created (or re-created after leaving): a repeated lookup just
-- refreshes looked_up_at and sends nothing again.
CREATE OR REPLACE FUNCTION set_scope_entry_version() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.version := nextval('row_version');
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER scope_entries_version BEFORE INSERT OR UPDATE ON scope_entries FOR EACH ROW EXECUTE FUNCTION set_scope_entry_version();
