ALTER TABLE "roadmap_health_snapshots" ALTER COLUMN "overall" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "roadmap_health_snapshots" ALTER COLUMN "aggressive" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "roadmap_health_snapshots" ALTER COLUMN "enablers" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "roadmap_health_snapshots" ALTER COLUMN "specific" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "roadmap_health_snapshots" ALTER COLUMN "includes_it" DROP NOT NULL;