CREATE TABLE "priority_disagreement_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"changes" jsonb NOT NULL,
	"actor_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "priority_disagreements" (
	"org_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"status" text NOT NULL,
	"owner_id" uuid,
	"due_date" date,
	"decision_rank" integer,
	"decision_score" double precision,
	"reason" text,
	"decided_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "priority_disagreements_round_id_item_id_pk" PRIMARY KEY("round_id","item_id"),
	CONSTRAINT "priority_disagreements_status_check" CHECK ("priority_disagreements"."status" in ('open','discussing','decided'))
);
--> statement-breakpoint
CREATE TABLE "priority_round_items" (
	"org_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"item_type" text NOT NULL,
	"initiative_id" uuid,
	"enabler_id" uuid,
	"category" text,
	"horizon" text,
	"position" integer NOT NULL,
	CONSTRAINT "priority_round_items_round_id_item_id_pk" PRIMARY KEY("round_id","item_id"),
	CONSTRAINT "priority_round_items_org_round_item_key" UNIQUE("org_id","round_id","item_id"),
	CONSTRAINT "priority_round_items_one_item_check" CHECK (("priority_round_items"."item_type" = 'initiative' and "priority_round_items"."initiative_id" = "priority_round_items"."item_id" and "priority_round_items"."enabler_id" is null) or ("priority_round_items"."item_type" = 'enabler' and "priority_round_items"."enabler_id" = "priority_round_items"."item_id" and "priority_round_items"."initiative_id" is null)),
	CONSTRAINT "priority_round_items_category_check" CHECK ("priority_round_items"."category" is null or "priority_round_items"."category" in ('run','grow','transform')),
	CONSTRAINT "priority_round_items_horizon_check" CHECK ("priority_round_items"."horizon" is null or "priority_round_items"."horizon" in ('now','next','later'))
);
--> statement-breakpoint
CREATE TABLE "priority_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"model" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"opens_at" date,
	"closes_at" date,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "priority_rounds_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "priority_rounds_model_check" CHECK ("priority_rounds"."model" in ('wsjf','rice','cd3','weighted')),
	CONSTRAINT "priority_rounds_status_check" CHECK ("priority_rounds"."status" in ('draft','open','closed'))
);
--> statement-breakpoint
CREATE TABLE "priority_scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"name" text NOT NULL,
	"item_order" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "priority_scores" (
	"org_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"side" text NOT NULL,
	"criterion" text NOT NULL,
	"value" double precision NOT NULL,
	"entered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "priority_scores_round_id_item_id_person_id_criterion_pk" PRIMARY KEY("round_id","item_id","person_id","criterion"),
	CONSTRAINT "priority_scores_side_check" CHECK ("priority_scores"."side" in ('business','it'))
);
--> statement-breakpoint
CREATE TABLE "priority_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"capacity" double precision NOT NULL,
	"target_run" double precision NOT NULL,
	"target_grow" double precision NOT NULL,
	"target_transform" double precision NOT NULL,
	"disagreement_threshold" double precision,
	"disagreement_top_n" integer DEFAULT 3 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "priority_disagreement_history" ADD CONSTRAINT "priority_disagreement_history_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_disagreement_history" ADD CONSTRAINT "priority_disagreement_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_disagreement_history" ADD CONSTRAINT "priority_disagreement_history_item_fk" FOREIGN KEY ("org_id","round_id","item_id") REFERENCES "public"."priority_round_items"("org_id","round_id","item_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_disagreements" ADD CONSTRAINT "priority_disagreements_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_disagreements" ADD CONSTRAINT "priority_disagreements_item_fk" FOREIGN KEY ("org_id","round_id","item_id") REFERENCES "public"."priority_round_items"("org_id","round_id","item_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_disagreements" ADD CONSTRAINT "priority_disagreements_owner_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_round_items" ADD CONSTRAINT "priority_round_items_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_round_items" ADD CONSTRAINT "priority_round_items_round_fk" FOREIGN KEY ("org_id","round_id") REFERENCES "public"."priority_rounds"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_round_items" ADD CONSTRAINT "priority_round_items_initiative_fk" FOREIGN KEY ("org_id","initiative_id") REFERENCES "public"."initiatives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_round_items" ADD CONSTRAINT "priority_round_items_enabler_fk" FOREIGN KEY ("org_id","enabler_id") REFERENCES "public"."enablers"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_rounds" ADD CONSTRAINT "priority_rounds_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_rounds" ADD CONSTRAINT "priority_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_scenarios" ADD CONSTRAINT "priority_scenarios_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_scenarios" ADD CONSTRAINT "priority_scenarios_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_scenarios" ADD CONSTRAINT "priority_scenarios_round_fk" FOREIGN KEY ("org_id","round_id") REFERENCES "public"."priority_rounds"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_scores" ADD CONSTRAINT "priority_scores_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_scores" ADD CONSTRAINT "priority_scores_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_scores" ADD CONSTRAINT "priority_scores_item_fk" FOREIGN KEY ("org_id","round_id","item_id") REFERENCES "public"."priority_round_items"("org_id","round_id","item_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_scores" ADD CONSTRAINT "priority_scores_person_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_settings" ADD CONSTRAINT "priority_settings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "priority_disagreement_history_idx" ON "priority_disagreement_history" USING btree ("org_id","round_id","item_id","at");--> statement-breakpoint
CREATE INDEX "priority_disagreements_org_idx" ON "priority_disagreements" USING btree ("org_id","round_id");--> statement-breakpoint
CREATE INDEX "priority_round_items_org_idx" ON "priority_round_items" USING btree ("org_id","round_id","position");--> statement-breakpoint
CREATE INDEX "priority_rounds_org_idx" ON "priority_rounds" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "priority_scenarios_org_idx" ON "priority_scenarios" USING btree ("org_id","round_id","created_at");--> statement-breakpoint
CREATE INDEX "priority_scores_org_idx" ON "priority_scores" USING btree ("org_id","round_id","person_id");