CREATE TABLE "enabler_dependencies" (
	"org_id" uuid NOT NULL,
	"enabler_id" uuid NOT NULL,
	"depends_on_id" uuid NOT NULL,
	CONSTRAINT "enabler_dependencies_enabler_id_depends_on_id_pk" PRIMARY KEY("enabler_id","depends_on_id"),
	CONSTRAINT "enabler_dependencies_not_self" CHECK ("enabler_dependencies"."enabler_id" <> "enabler_dependencies"."depends_on_id")
);
--> statement-breakpoint
CREATE TABLE "enabler_initiatives" (
	"org_id" uuid NOT NULL,
	"enabler_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	CONSTRAINT "enabler_initiatives_enabler_id_initiative_id_pk" PRIMARY KEY("enabler_id","initiative_id")
);
--> statement-breakpoint
CREATE TABLE "enablers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid,
	"start_date" date,
	"end_date" date,
	"status" text DEFAULT 'proposed' NOT NULL,
	"effort" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enablers_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "enablers_status_check" CHECK ("enablers"."status" in ('proposed','planned','in_progress','done','cancelled')),
	CONSTRAINT "enablers_dates_check" CHECK ("enablers"."start_date" is null or "enablers"."end_date" is null or "enablers"."end_date" >= "enablers"."start_date"),
	CONSTRAINT "enablers_effort_check" CHECK ("enablers"."effort" is null or "enablers"."effort" >= 0)
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"metric" text,
	"baseline" numeric,
	"target" numeric,
	"unit" text,
	"due_date" date,
	"owner_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goals_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "initiative_goals" (
	"org_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	CONSTRAINT "initiative_goals_initiative_id_goal_id_pk" PRIMARY KEY("initiative_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_id" uuid,
	"business_champion_id" uuid,
	"it_champion_id" uuid,
	"start_date" date,
	"end_date" date,
	"status" text DEFAULT 'proposed' NOT NULL,
	"effort" integer,
	"ansoff" text,
	"it_involved_at" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiatives_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "initiatives_status_check" CHECK ("initiatives"."status" in ('proposed','planned','in_progress','done','cancelled')),
	CONSTRAINT "initiatives_ansoff_check" CHECK ("initiatives"."ansoff" is null or "initiatives"."ansoff" in ('market_penetration','product_development','market_development','diversification')),
	CONSTRAINT "initiatives_dates_check" CHECK ("initiatives"."start_date" is null or "initiatives"."end_date" is null or "initiatives"."end_date" >= "initiatives"."start_date"),
	CONSTRAINT "initiatives_effort_check" CHECK ("initiatives"."effort" is null or "initiatives"."effort" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ladder_rungs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"rung" text NOT NULL,
	"deliverable" text DEFAULT '' NOT NULL,
	"due_date" date,
	"done" boolean DEFAULT false NOT NULL,
	CONSTRAINT "ladder_rungs_initiative_rung_key" UNIQUE("org_id","initiative_id","rung"),
	CONSTRAINT "ladder_rungs_rung_check" CHECK ("ladder_rungs"."rung" in ('now','next_week','next_month','next_year'))
);
--> statement-breakpoint
CREATE TABLE "roadmap_health_snapshots" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"overall" integer NOT NULL,
	"aggressive" integer NOT NULL,
	"enablers" integer NOT NULL,
	"specific" integer NOT NULL,
	"includes_it" integer NOT NULL,
	"findings" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roadmap_health_snapshots_org_id_day_pk" PRIMARY KEY("org_id","day")
);
--> statement-breakpoint
CREATE TABLE "strategy_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"item_type" text NOT NULL,
	"item_id" uuid NOT NULL,
	"field" text NOT NULL,
	"from_value" text,
	"to_value" text,
	"actor_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"it_grace_days" integer DEFAULT 14 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "swot_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"goal_id" uuid,
	"initiative_id" uuid,
	"quadrant" text NOT NULL,
	"text" text NOT NULL,
	"enabler_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "swot_items_subject_check" CHECK (("swot_items"."goal_id" is null) <> ("swot_items"."initiative_id" is null)),
	CONSTRAINT "swot_items_quadrant_check" CHECK ("swot_items"."quadrant" in ('strength','weakness','opportunity','threat'))
);
--> statement-breakpoint
ALTER TABLE "enabler_dependencies" ADD CONSTRAINT "enabler_dependencies_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enabler_dependencies" ADD CONSTRAINT "enabler_dependencies_enabler_fk" FOREIGN KEY ("org_id","enabler_id") REFERENCES "public"."enablers"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enabler_dependencies" ADD CONSTRAINT "enabler_dependencies_depends_on_fk" FOREIGN KEY ("org_id","depends_on_id") REFERENCES "public"."enablers"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enabler_initiatives" ADD CONSTRAINT "enabler_initiatives_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enabler_initiatives" ADD CONSTRAINT "enabler_initiatives_enabler_fk" FOREIGN KEY ("org_id","enabler_id") REFERENCES "public"."enablers"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enabler_initiatives" ADD CONSTRAINT "enabler_initiatives_initiative_fk" FOREIGN KEY ("org_id","initiative_id") REFERENCES "public"."initiatives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enablers" ADD CONSTRAINT "enablers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enablers" ADD CONSTRAINT "enablers_owner_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_owner_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_goals" ADD CONSTRAINT "initiative_goals_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_goals" ADD CONSTRAINT "initiative_goals_initiative_fk" FOREIGN KEY ("org_id","initiative_id") REFERENCES "public"."initiatives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_goals" ADD CONSTRAINT "initiative_goals_goal_fk" FOREIGN KEY ("org_id","goal_id") REFERENCES "public"."goals"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_owner_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_business_champion_fk" FOREIGN KEY ("org_id","business_champion_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_it_champion_fk" FOREIGN KEY ("org_id","it_champion_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ladder_rungs" ADD CONSTRAINT "ladder_rungs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ladder_rungs" ADD CONSTRAINT "ladder_rungs_initiative_fk" FOREIGN KEY ("org_id","initiative_id") REFERENCES "public"."initiatives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_health_snapshots" ADD CONSTRAINT "roadmap_health_snapshots_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_history" ADD CONSTRAINT "strategy_history_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_history" ADD CONSTRAINT "strategy_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_settings" ADD CONSTRAINT "strategy_settings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "swot_items" ADD CONSTRAINT "swot_items_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "swot_items" ADD CONSTRAINT "swot_items_goal_fk" FOREIGN KEY ("org_id","goal_id") REFERENCES "public"."goals"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "swot_items" ADD CONSTRAINT "swot_items_initiative_fk" FOREIGN KEY ("org_id","initiative_id") REFERENCES "public"."initiatives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "swot_items" ADD CONSTRAINT "swot_items_enabler_fk" FOREIGN KEY ("org_id","enabler_id") REFERENCES "public"."enablers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enabler_dependencies_org_idx" ON "enabler_dependencies" USING btree ("org_id","depends_on_id");--> statement-breakpoint
CREATE INDEX "enabler_initiatives_org_initiative_idx" ON "enabler_initiatives" USING btree ("org_id","initiative_id");--> statement-breakpoint
CREATE INDEX "enablers_org_idx" ON "enablers" USING btree ("org_id","end_date");--> statement-breakpoint
CREATE INDEX "goals_org_idx" ON "goals" USING btree ("org_id","title");--> statement-breakpoint
CREATE INDEX "initiative_goals_org_goal_idx" ON "initiative_goals" USING btree ("org_id","goal_id");--> statement-breakpoint
CREATE INDEX "initiatives_org_idx" ON "initiatives" USING btree ("org_id","start_date");--> statement-breakpoint
CREATE INDEX "strategy_history_item_idx" ON "strategy_history" USING btree ("org_id","item_type","item_id","at");--> statement-breakpoint
CREATE INDEX "swot_items_org_idx" ON "swot_items" USING btree ("org_id");