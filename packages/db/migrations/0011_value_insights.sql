CREATE TABLE "value_benefits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"planned" numeric,
	"realised" numeric,
	"evidence" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "value_benefits_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "value_benefits_kind_check" CHECK ("value_benefits"."kind" in ('revenue','cost_saved','risk_reduced','hours_saved')),
	CONSTRAINT "value_benefits_quarter_check" CHECK ("value_benefits"."quarter" between 1 and 4),
	CONSTRAINT "value_benefits_some_value" CHECK ("value_benefits"."planned" is not null or "value_benefits"."realised" is not null)
);
--> statement-breakpoint
CREATE TABLE "value_opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source" text DEFAULT 'idea' NOT NULL,
	"proposed_by" text DEFAULT '' NOT NULL,
	"estimated_value" numeric NOT NULL,
	"status" text DEFAULT 'idea' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "value_opportunities_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "value_opportunities_status_check" CHECK ("value_opportunities"."status" in ('idea','exploring','approved','realised','dropped')),
	CONSTRAINT "value_opportunities_source_check" CHECK ("value_opportunities"."source" in ('idea','hackweek','request','other')),
	CONSTRAINT "value_opportunities_value_check" CHECK ("value_opportunities"."estimated_value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "digest_subscriptions" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"enabled" boolean NOT NULL,
	"weekday" integer NOT NULL,
	"hour" integer NOT NULL,
	"time_zone" text NOT NULL,
	"unsubscribe_hash" text NOT NULL,
	"last_sent_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digest_subscriptions_org_id_user_id_pk" PRIMARY KEY("org_id","user_id"),
	CONSTRAINT "digest_subscriptions_hour_check" CHECK ("digest_subscriptions"."hour" between 0 and 23),
	CONSTRAINT "digest_subscriptions_weekday_check" CHECK ("digest_subscriptions"."weekday" between 0 and 7)
);
--> statement-breakpoint
ALTER TABLE "value_benefits" ADD CONSTRAINT "value_benefits_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_benefits" ADD CONSTRAINT "value_benefits_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_benefits" ADD CONSTRAINT "value_benefits_initiative_fk" FOREIGN KEY ("org_id","initiative_id") REFERENCES "public"."initiatives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_opportunities" ADD CONSTRAINT "value_opportunities_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digest_subscriptions" ADD CONSTRAINT "digest_subscriptions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digest_subscriptions" ADD CONSTRAINT "digest_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "value_benefits_org_year_idx" ON "value_benefits" USING btree ("org_id","year","quarter");--> statement-breakpoint
CREATE INDEX "value_benefits_org_initiative_idx" ON "value_benefits" USING btree ("org_id","initiative_id");--> statement-breakpoint
CREATE INDEX "value_opportunities_org_idx" ON "value_opportunities" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "digest_subscriptions_unsubscribe_idx" ON "digest_subscriptions" USING btree ("unsubscribe_hash");