ALTER TABLE "pulses" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pulses" ADD COLUMN "in_trend" boolean DEFAULT true NOT NULL;