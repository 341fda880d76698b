CREATE TABLE "assist_recounts_pending" (
	"workspace_id" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assist_recounts_pending" ADD CONSTRAINT "assist_recounts_pending_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Hand-written: assists were written by whoever wrote an item until now; every workspace that exists gets them counted
-- from its stage history and recorded reading once, by the server as it starts (the count is in TypeScript, not SQL).
INSERT INTO "assist_recounts_pending" ("workspace_id") SELECT "id" FROM "workspaces";
