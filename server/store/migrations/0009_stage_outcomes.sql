ALTER TABLE "contacts" ADD COLUMN "stage_reason_code" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "deal_value" numeric(15, 2);--> statement-breakpoint
ALTER TABLE "stage_changes" ADD COLUMN "reason_code" text;--> statement-breakpoint
ALTER TABLE "stage_changes" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "stage_changes" ADD COLUMN "deal_value" numeric(15, 2);--> statement-breakpoint
-- Hand-written: reasons given before reason lists existed were free texts, which count as the code `other`.
UPDATE "contacts" SET "stage_reason_code" = 'other' WHERE "stage_reason" IS NOT NULL AND "stage" IN ('recycled', 'disqualified');--> statement-breakpoint
UPDATE "stage_changes" SET "reason_code" = 'other' WHERE "reason" IS NOT NULL AND "to_stage" IN ('recycled', 'disqualified');--> statement-breakpoint
-- Hand-written: moves out of `opportunity` recorded before outcomes existed get theirs (lib/core/stage/transitions.ts).
UPDATE "stage_changes" SET "outcome" = CASE WHEN "to_stage" = 'customer' THEN 'won' ELSE 'lost' END
  WHERE "from_stage" = 'opportunity' AND "to_stage" IN ('customer', 'recycled', 'disqualified');
