CREATE TABLE "pulse_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"pulse_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"side" text NOT NULL,
	"level" text NOT NULL,
	"department" text NOT NULL,
	"location" text NOT NULL,
	"used" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pulse_invitations_person_key" UNIQUE("org_id","pulse_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "pulse_items" (
	"org_id" uuid NOT NULL,
	"pulse_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "pulse_items_pulse_id_question_id_pk" PRIMARY KEY("pulse_id","question_id"),
	CONSTRAINT "pulse_items_position_key" UNIQUE("pulse_id","position")
);
--> statement-breakpoint
CREATE TABLE "pulse_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pulse_questions_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "pulse_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"pulse_id" uuid NOT NULL,
	"day" date NOT NULL,
	"side" text NOT NULL,
	"level" text NOT NULL,
	"department" text NOT NULL,
	"location" text NOT NULL,
	"answers" smallint[] NOT NULL,
	"comments" text[],
	CONSTRAINT "pulse_responses_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "pulse_responses_answers_check" CHECK (cardinality("pulse_responses"."answers") > 0 and "pulse_responses"."answers" <@ array[1,2,3,4,5]::smallint[])
);
--> statement-breakpoint
CREATE TABLE "pulses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"audience" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"min_group_size" integer DEFAULT 5 NOT NULL,
	"min_comment_group_size" integer DEFAULT 10 NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pulses_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "pulses_status_check" CHECK ("pulses"."status" in ('draft','open','closed')),
	CONSTRAINT "pulses_k_check" CHECK ("pulses"."min_group_size" >= 3 and "pulses"."min_comment_group_size" >= "pulses"."min_group_size")
);
--> statement-breakpoint
ALTER TABLE "pulse_invitations" ADD CONSTRAINT "pulse_invitations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_invitations" ADD CONSTRAINT "pulse_invitations_pulse_fk" FOREIGN KEY ("org_id","pulse_id") REFERENCES "public"."pulses"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_invitations" ADD CONSTRAINT "pulse_invitations_person_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."people"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_items" ADD CONSTRAINT "pulse_items_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_items" ADD CONSTRAINT "pulse_items_pulse_fk" FOREIGN KEY ("org_id","pulse_id") REFERENCES "public"."pulses"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_items" ADD CONSTRAINT "pulse_items_question_fk" FOREIGN KEY ("org_id","question_id") REFERENCES "public"."pulse_questions"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_questions" ADD CONSTRAINT "pulse_questions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_responses" ADD CONSTRAINT "pulse_responses_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_responses" ADD CONSTRAINT "pulse_responses_pulse_fk" FOREIGN KEY ("org_id","pulse_id") REFERENCES "public"."pulses"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulses" ADD CONSTRAINT "pulses_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulses" ADD CONSTRAINT "pulses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pulse_invitations_token_key" ON "pulse_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "pulse_invitations_org_idx" ON "pulse_invitations" USING btree ("org_id","pulse_id");--> statement-breakpoint
CREATE INDEX "pulse_items_org_idx" ON "pulse_items" USING btree ("org_id","pulse_id");--> statement-breakpoint
CREATE INDEX "pulse_items_question_idx" ON "pulse_items" USING btree ("org_id","question_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pulse_questions_org_text_key" ON "pulse_questions" USING btree ("org_id",lower("text"));--> statement-breakpoint
CREATE INDEX "pulse_responses_org_idx" ON "pulse_responses" USING btree ("org_id","pulse_id");--> statement-breakpoint
CREATE INDEX "pulse_responses_comments_idx" ON "pulse_responses" USING btree ("org_id","pulse_id") WHERE "pulse_responses"."comments" is not null;--> statement-breakpoint
CREATE INDEX "pulses_org_idx" ON "pulses" USING btree ("org_id","created_at");