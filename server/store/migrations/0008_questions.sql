CREATE TABLE "question_answers" (
	"workspace_id" text NOT NULL,
	"group_key" text NOT NULL,
	"content_id" text,
	"linked_by" text,
	"linked_at" timestamp with time zone NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "question_answers_workspace_id_group_key_pk" PRIMARY KEY("workspace_id","group_key")
);
--> statement-breakpoint
CREATE TABLE "questions" (
	"workspace_id" text NOT NULL,
	"id" text NOT NULL,
	"contact_id" text NOT NULL,
	"user_id" text NOT NULL,
	"text" text NOT NULL,
	"group_key" text NOT NULL,
	"stage" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "questions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "question_answers" ADD CONSTRAINT "question_answers_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_answers" ADD CONSTRAINT "question_answers_content_id_content_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."content"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_answers" ADD CONSTRAINT "question_answers_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "question_answers_workspace_version" ON "question_answers" USING btree ("workspace_id","version");--> statement-breakpoint
CREATE INDEX "questions_contact_version" ON "questions" USING btree ("contact_id","version");--> statement-breakpoint
CREATE INDEX "questions_workspace_key" ON "questions" USING btree ("workspace_id","group_key");--> statement-breakpoint
-- Hand-written (drizzle-kit writes neither): questions and their answers are synced rows, versioned like the others.
CREATE TRIGGER questions_version BEFORE INSERT OR UPDATE ON questions FOR EACH ROW EXECUTE FUNCTION set_row_version();
--> statement-breakpoint
CREATE TRIGGER question_answers_version BEFORE INSERT OR UPDATE ON question_answers FOR EACH ROW EXECUTE FUNCTION set_row_version();
