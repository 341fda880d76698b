CREATE TABLE "tracked_emails" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"contact_id" text NOT NULL,
	"user_id" text NOT NULL,
	"subject" text,
	"sent_at" timestamp with time zone NOT NULL,
	"link_count" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracking_keys" (
	"workspace_id" text NOT NULL,
	"key_id" text NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "tracking_keys_workspace_id_key_id_pk" PRIMARY KEY("workspace_id","key_id")
);
--> statement-breakpoint
CREATE TABLE "visitor_events" (
	"workspace_id" text NOT NULL,
	"event_id" text NOT NULL,
	"visitor_id" text NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"url" text NOT NULL,
	"title" text,
	"content_id" text,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visitor_events_workspace_id_event_id_pk" PRIMARY KEY("workspace_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "visitors" (
	"workspace_id" text NOT NULL,
	"visitor_id" text NOT NULL,
	"contact_id" text,
	"first_seen" timestamp with time zone NOT NULL,
	"last_seen" timestamp with time zone NOT NULL,
	"identified_at" timestamp with time zone,
	CONSTRAINT "visitors_workspace_id_visitor_id_pk" PRIMARY KEY("workspace_id","visitor_id")
);
--> statement-breakpoint
ALTER TABLE "tracked_emails" ADD CONSTRAINT "tracked_emails_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_emails" ADD CONSTRAINT "tracked_emails_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracked_emails" ADD CONSTRAINT "tracked_emails_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_keys" ADD CONSTRAINT "tracking_keys_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitors" ADD CONSTRAINT "visitors_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitors" ADD CONSTRAINT "visitors_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tracked_emails_workspace_contact" ON "tracked_emails" USING btree ("workspace_id","contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_keys_active" ON "tracking_keys" USING btree ("workspace_id") WHERE "tracking_keys"."retired_at" is null;--> statement-breakpoint
CREATE INDEX "visitor_events_visitor" ON "visitor_events" USING btree ("workspace_id","visitor_id","at");--> statement-breakpoint
CREATE INDEX "visitor_events_received" ON "visitor_events" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "visitors_contact" ON "visitors" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "activities_email" ON "activities" USING btree ("email_id","type");