CREATE TABLE "calendar_feeds" (
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_pk" PRIMARY KEY("org_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "coffee_group_members" (
	"org_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"group_index" integer NOT NULL,
	"person_id" uuid NOT NULL,
	"reasons" jsonb NOT NULL,
	"met" boolean,
	"answered_at" timestamp with time zone,
	"met_token_hash" text NOT NULL,
	CONSTRAINT "coffee_group_members_pk" PRIMARY KEY("round_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "coffee_participants" (
	"org_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"paused_until" date,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coffee_participants_pk" PRIMARY KEY("programme_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "coffee_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"cadence" text NOT NULL,
	"group_size" integer NOT NULL,
	"no_repeat_rounds" integer NOT NULL,
	"prefer_cross_side" boolean NOT NULL,
	"prefer_cross_department" boolean NOT NULL,
	"prefer_same_location" boolean DEFAULT false NOT NULL,
	"in_person" boolean DEFAULT false NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"filter_side" text,
	"filter_department" text,
	"filter_location" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coffee_programmes_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "coffee_programmes_group_size_check" CHECK ("coffee_programmes"."group_size" in (2, 3)),
	CONSTRAINT "coffee_programmes_no_repeat_check" CHECK ("coffee_programmes"."no_repeat_rounds" between 0 and 104)
);
--> statement-breakpoint
CREATE TABLE "coffee_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"proposed_start" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coffee_rounds_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "coffee_rounds_programme_number_key" UNIQUE("programme_id","number")
);
--> statement-breakpoint
CREATE TABLE "open_hour_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"open_hour_id" uuid NOT NULL,
	"slot_start" timestamp with time zone NOT NULL,
	"slot_end" timestamp with time zone NOT NULL,
	"person_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "open_hour_bookings_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "open_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"leader_id" uuid NOT NULL,
	"weekday" integer NOT NULL,
	"start" text NOT NULL,
	"end" text NOT NULL,
	"slot_minutes" integer NOT NULL,
	"time_zone" text NOT NULL,
	"location" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "open_hours_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "open_hours_weekday_check" CHECK ("open_hours"."weekday" between 1 and 7)
);
--> statement-breakpoint
CREATE TABLE "open_mic_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"discussed_at" timestamp with time zone,
	"outcome" text,
	CONSTRAINT "open_mic_topics_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "open_mic_votes" (
	"org_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "open_mic_votes_pk" PRIMARY KEY("topic_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "sit_in_rotas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"meeting_title" text NOT NULL,
	"pool_person_ids" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sit_in_rotas_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "sit_in_turns" (
	"org_id" uuid NOT NULL,
	"rota_id" uuid NOT NULL,
	"date" date NOT NULL,
	"person_id" uuid,
	"declined_by" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	CONSTRAINT "sit_in_turns_pk" PRIMARY KEY("rota_id","date")
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_person_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coffee_group_members" ADD CONSTRAINT "coffee_group_members_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coffee_group_members" ADD CONSTRAINT "coffee_group_members_round_fk" FOREIGN KEY ("org_id","round_id") REFERENCES "public"."coffee_rounds"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coffee_group_members" ADD CONSTRAINT "coffee_group_members_person_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coffee_participants" ADD CONSTRAINT "coffee_participants_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coffee_participants" ADD CONSTRAINT "coffee_participants_programme_fk" FOREIGN KEY ("org_id","programme_id") REFERENCES "public"."coffee_programmes"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coffee_participants" ADD CONSTRAINT "coffee_participants_person_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coffee_programmes" ADD CONSTRAINT "coffee_programmes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coffee_rounds" ADD CONSTRAINT "coffee_rounds_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coffee_rounds" ADD CONSTRAINT "coffee_rounds_programme_fk" FOREIGN KEY ("org_id","programme_id") REFERENCES "public"."coffee_programmes"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_hour_bookings" ADD CONSTRAINT "open_hour_bookings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_hour_bookings" ADD CONSTRAINT "open_hour_bookings_open_hour_fk" FOREIGN KEY ("org_id","open_hour_id") REFERENCES "public"."open_hours"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_hour_bookings" ADD CONSTRAINT "open_hour_bookings_person_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_hours" ADD CONSTRAINT "open_hours_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_hours" ADD CONSTRAINT "open_hours_leader_fk" FOREIGN KEY ("org_id","leader_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_mic_topics" ADD CONSTRAINT "open_mic_topics_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_mic_topics" ADD CONSTRAINT "open_mic_topics_person_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_mic_votes" ADD CONSTRAINT "open_mic_votes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_mic_votes" ADD CONSTRAINT "open_mic_votes_topic_fk" FOREIGN KEY ("org_id","topic_id") REFERENCES "public"."open_mic_topics"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_mic_votes" ADD CONSTRAINT "open_mic_votes_person_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sit_in_rotas" ADD CONSTRAINT "sit_in_rotas_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sit_in_turns" ADD CONSTRAINT "sit_in_turns_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sit_in_turns" ADD CONSTRAINT "sit_in_turns_rota_fk" FOREIGN KEY ("org_id","rota_id") REFERENCES "public"."sit_in_rotas"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_key" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "coffee_group_members_token_key" ON "coffee_group_members" USING btree ("met_token_hash");--> statement-breakpoint
CREATE INDEX "coffee_group_members_org_person_idx" ON "coffee_group_members" USING btree ("org_id","person_id");--> statement-breakpoint
CREATE INDEX "coffee_group_members_round_group_idx" ON "coffee_group_members" USING btree ("round_id","group_index");--> statement-breakpoint
CREATE INDEX "coffee_participants_org_idx" ON "coffee_participants" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "coffee_programmes_org_idx" ON "coffee_programmes" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "coffee_rounds_org_idx" ON "coffee_rounds" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "open_hour_bookings_slot_key" ON "open_hour_bookings" USING btree ("open_hour_id","slot_start") WHERE "open_hour_bookings"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "open_hour_bookings_org_person_idx" ON "open_hour_bookings" USING btree ("org_id","person_id");--> statement-breakpoint
CREATE INDEX "open_hours_org_idx" ON "open_hours" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "open_mic_topics_org_idx" ON "open_mic_topics" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "open_mic_votes_org_idx" ON "open_mic_votes" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "sit_in_rotas_org_idx" ON "sit_in_rotas" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "sit_in_turns_org_person_idx" ON "sit_in_turns" USING btree ("org_id","person_id");