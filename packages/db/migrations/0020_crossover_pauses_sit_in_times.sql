ALTER TABLE "coffee_participants" ADD COLUMN "paused_from" date;--> statement-breakpoint
ALTER TABLE "sit_in_rotas" ADD COLUMN "start_time" text;--> statement-breakpoint
ALTER TABLE "sit_in_rotas" ADD COLUMN "duration_minutes" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "sit_in_rotas" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "sit_in_rotas" ADD COLUMN "location" text;