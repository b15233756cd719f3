CREATE TABLE "demo_invitees" (
	"org_id" uuid NOT NULL,
	"demo_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"invited" boolean DEFAULT true NOT NULL,
	"rsvp" text,
	"rsvp_token" text NOT NULL,
	"checked_in_at" timestamp with time zone,
	"saw_value" boolean,
	CONSTRAINT "demo_invitees_pk" PRIMARY KEY("demo_id","person_id"),
	CONSTRAINT "demo_invitees_token_key" UNIQUE("rsvp_token"),
	CONSTRAINT "demo_invitees_rsvp_check" CHECK ("demo_invitees"."rsvp" is null or "demo_invitees"."rsvp" in ('accepted','declined','tentative'))
);
--> statement-breakpoint
CREATE TABLE "demo_items" (
	"org_id" uuid NOT NULL,
	"demo_id" uuid NOT NULL,
	"type" text NOT NULL,
	"ref_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "demo_items_pk" PRIMARY KEY("demo_id","type","ref_id"),
	CONSTRAINT "demo_items_type_check" CHECK ("demo_items"."type" in ('initiative','enabler','request'))
);
--> statement-breakpoint
CREATE TABLE "demos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"team" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer DEFAULT 60 NOT NULL,
	"check_in_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "demos_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "demos_duration_check" CHECK ("demos"."duration_minutes" between 5 and 480)
);
--> statement-breakpoint
CREATE TABLE "hackweek_ideas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"hackweek_id" uuid NOT NULL,
	"title" text NOT NULL,
	"pitch" text DEFAULT '' NOT NULL,
	"person_id" uuid NOT NULL,
	"goal_id" uuid,
	"initiative_id" uuid,
	"demo_slot" timestamp with time zone,
	"outcome" text,
	"outcome_initiative_id" uuid,
	"outcome_request_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hackweek_ideas_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "hackweek_ideas_outcome_check" CHECK ("hackweek_ideas"."outcome" is null or "hackweek_ideas"."outcome" in ('became_initiative','became_request','parked','shipped'))
);
--> statement-breakpoint
CREATE TABLE "hackweek_members" (
	"org_id" uuid NOT NULL,
	"hackweek_id" uuid NOT NULL,
	"idea_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hackweek_members_pk" PRIMARY KEY("hackweek_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "hackweek_votes" (
	"org_id" uuid NOT NULL,
	"hackweek_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"category" text NOT NULL,
	"idea_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hackweek_votes_pk" PRIMARY KEY("hackweek_id","person_id","category"),
	CONSTRAINT "hackweek_votes_category_check" CHECK ("hackweek_votes"."category" in ('impact','creativity'))
);
--> statement-breakpoint
CREATE TABLE "hackweeks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"theme" text DEFAULT '' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"max_team_size" integer NOT NULL,
	"phase" text DEFAULT 'ideas' NOT NULL,
	"voting_closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hackweeks_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "hackweeks_phase_check" CHECK ("hackweeks"."phase" in ('ideas','teams','hacking','demos','voting','outcomes')),
	CONSTRAINT "hackweeks_dates_check" CHECK ("hackweeks"."end_date" >= "hackweeks"."start_date"),
	CONSTRAINT "hackweeks_team_size_check" CHECK ("hackweeks"."max_team_size" between 1 and 50)
);
--> statement-breakpoint
CREATE TABLE "roundtable_actions" (
	"insight_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"roundtable_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"link_type" text,
	"link_id" uuid,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roundtable_actions_link_check" CHECK (("roundtable_actions"."link_type" is null) = ("roundtable_actions"."link_id" is null))
);
--> statement-breakpoint
CREATE TABLE "roundtable_insights" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"roundtable_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roundtable_insights_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "roundtable_invitees" (
	"org_id" uuid NOT NULL,
	"roundtable_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"attended" boolean DEFAULT false NOT NULL,
	CONSTRAINT "roundtable_invitees_pk" PRIMARY KEY("roundtable_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "roundtables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"date" date NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roundtables_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "demo_invitees" ADD CONSTRAINT "demo_invitees_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demo_invitees" ADD CONSTRAINT "demo_invitees_demo_fk" FOREIGN KEY ("org_id","demo_id") REFERENCES "public"."demos"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demo_invitees" ADD CONSTRAINT "demo_invitees_person_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demo_items" ADD CONSTRAINT "demo_items_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demo_items" ADD CONSTRAINT "demo_items_demo_fk" FOREIGN KEY ("org_id","demo_id") REFERENCES "public"."demos"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demos" ADD CONSTRAINT "demos_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hackweek_ideas" ADD CONSTRAINT "hackweek_ideas_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hackweek_ideas" ADD CONSTRAINT "hackweek_ideas_hackweek_fk" FOREIGN KEY ("org_id","hackweek_id") REFERENCES "public"."hackweeks"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hackweek_ideas" ADD CONSTRAINT "hackweek_ideas_person_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hackweek_members" ADD CONSTRAINT "hackweek_members_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hackweek_members" ADD CONSTRAINT "hackweek_members_idea_fk" FOREIGN KEY ("org_id","idea_id") REFERENCES "public"."hackweek_ideas"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hackweek_members" ADD CONSTRAINT "hackweek_members_person_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hackweek_votes" ADD CONSTRAINT "hackweek_votes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hackweek_votes" ADD CONSTRAINT "hackweek_votes_idea_fk" FOREIGN KEY ("org_id","idea_id") REFERENCES "public"."hackweek_ideas"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hackweek_votes" ADD CONSTRAINT "hackweek_votes_person_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hackweeks" ADD CONSTRAINT "hackweeks_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roundtable_actions" ADD CONSTRAINT "roundtable_actions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roundtable_actions" ADD CONSTRAINT "roundtable_actions_insight_fk" FOREIGN KEY ("org_id","insight_id") REFERENCES "public"."roundtable_insights"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roundtable_actions" ADD CONSTRAINT "roundtable_actions_owner_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roundtable_insights" ADD CONSTRAINT "roundtable_insights_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roundtable_insights" ADD CONSTRAINT "roundtable_insights_rt_fk" FOREIGN KEY ("org_id","roundtable_id") REFERENCES "public"."roundtables"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roundtable_invitees" ADD CONSTRAINT "roundtable_invitees_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roundtable_invitees" ADD CONSTRAINT "roundtable_invitees_rt_fk" FOREIGN KEY ("org_id","roundtable_id") REFERENCES "public"."roundtables"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roundtable_invitees" ADD CONSTRAINT "roundtable_invitees_person_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roundtables" ADD CONSTRAINT "roundtables_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "demo_invitees_org_checkin_idx" ON "demo_invitees" USING btree ("org_id","checked_in_at");--> statement-breakpoint
CREATE INDEX "demos_org_starts_idx" ON "demos" USING btree ("org_id","starts_at");--> statement-breakpoint
CREATE INDEX "hackweek_ideas_hackweek_idx" ON "hackweek_ideas" USING btree ("hackweek_id");--> statement-breakpoint
CREATE INDEX "hackweek_members_idea_idx" ON "hackweek_members" USING btree ("idea_id");--> statement-breakpoint
CREATE INDEX "hackweek_members_org_joined_idx" ON "hackweek_members" USING btree ("org_id","joined_at");--> statement-breakpoint
CREATE INDEX "hackweek_votes_org_at_idx" ON "hackweek_votes" USING btree ("org_id","at");--> statement-breakpoint
CREATE INDEX "hackweeks_org_start_idx" ON "hackweeks" USING btree ("org_id","start_date");--> statement-breakpoint
CREATE INDEX "roundtable_actions_rt_idx" ON "roundtable_actions" USING btree ("roundtable_id");--> statement-breakpoint
CREATE INDEX "roundtable_insights_rt_idx" ON "roundtable_insights" USING btree ("roundtable_id");--> statement-breakpoint
CREATE INDEX "roundtables_org_date_idx" ON "roundtables" USING btree ("org_id","date");