CREATE TABLE "oidc_logins" (
	"id" text PRIMARY KEY NOT NULL,
	"state_hash" text NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "oidc_logins_state_hash_unique" UNIQUE("state_hash")
);
--> statement-breakpoint
CREATE INDEX "oidc_logins_expires" ON "oidc_logins" USING btree ("expires_at");