CREATE TABLE "stage_changes" (
	"workspace_id" text NOT NULL,
	"id" text NOT NULL,
	"contact_id" text NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"rule" text,
	"reason" text,
	"mutation_id" text,
	"reconstructed" boolean DEFAULT false NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stage_changes_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "stage_changes" ADD CONSTRAINT "stage_changes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_changes" ADD CONSTRAINT "stage_changes_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_changes" ADD CONSTRAINT "stage_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stage_changes_contact_at" ON "stage_changes" USING btree ("contact_id","at");--> statement-breakpoint
CREATE INDEX "stage_changes_workspace_at" ON "stage_changes" USING btree ("workspace_id","at");--> statement-breakpoint
-- Hand-written (drizzle-kit writes neither): stage changes are synced rows, versioned like the others.
CREATE TRIGGER stage_changes_version BEFORE INSERT OR UPDATE ON stage_changes FOR EACH ROW EXECUTE FUNCTION set_row_version();
--> statement-breakpoint
-- Data: history begins now, so every existing contact gets one entry for the stage it is in, marked reconstructed,
-- at its last update (the latest instant it is known to have been in that stage).
INSERT INTO "stage_changes" ("workspace_id", "id", "contact_id", "from_stage", "to_stage", "at", "actor_kind", "reason", "reconstructed")
SELECT "workspace_id", 'sc_r_' || "id", "id", NULL, "stage", "updated_at", 'system', "stage_reason", true FROM "contacts";
