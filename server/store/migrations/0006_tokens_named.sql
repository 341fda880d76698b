ALTER TABLE "tokens" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "tokens" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
-- Data, written by hand (drizzle-kit generates the two statements above with "name" NOT NULL, which fails on a table
-- that has rows): tokens made before names get the name "token", then the column becomes required as schema.ts says.
UPDATE "tokens" SET "name" = 'token' WHERE "name" IS NULL;--> statement-breakpoint
ALTER TABLE "tokens" ALTER COLUMN "name" SET NOT NULL;
