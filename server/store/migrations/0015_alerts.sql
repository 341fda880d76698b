CREATE TABLE "alerts" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"user_id" text NOT NULL,
	"contact_id" text NOT NULL,
	"rule" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"deliver_at" timestamp with time zone NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"digest_of" jsonb,
	"state" text NOT NULL,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_window" ON "alerts" USING btree ("workspace_id","user_id","contact_id","rule","window_start") WHERE "alerts"."digest_of" is null;--> statement-breakpoint
CREATE INDEX "alerts_user_version" ON "alerts" USING btree ("user_id","version");--> statement-breakpoint
CREATE INDEX "alerts_held" ON "alerts" USING btree ("workspace_id","deliver_at") WHERE "alerts"."state" = 'held';--> statement-breakpoint
CREATE INDEX "alerts_user_delivered" ON "alerts" USING btree ("user_id","delivered_at");--> statement-breakpoint
-- Delivery gives an alert its version: the recipient's sync pages carry alerts by it.
CREATE TRIGGER alerts_version BEFORE INSERT OR UPDATE ON alerts FOR EACH ROW EXECUTE FUNCTION set_row_version();
