CREATE TABLE "pulse_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"pulse_id" uuid NOT NULL,
	"question_id" uuid,
	"segment" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"goal_id" uuid,
	"initiative_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pulse_actions_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "pulse_actions_status_check" CHECK ("pulse_actions"."status" in ('open','done'))
);
--> statement-breakpoint
ALTER TABLE "pulses" ADD COLUMN "repeat_every" text;--> statement-breakpoint
ALTER TABLE "pulses" ADD COLUMN "repeat_auto_open" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "pulses" ADD COLUMN "previous_pulse_id" uuid;--> statement-breakpoint
ALTER TABLE "pulse_actions" ADD CONSTRAINT "pulse_actions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_actions" ADD CONSTRAINT "pulse_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_actions" ADD CONSTRAINT "pulse_actions_pulse_fk" FOREIGN KEY ("org_id","pulse_id") REFERENCES "public"."pulses"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_actions" ADD CONSTRAINT "pulse_actions_question_fk" FOREIGN KEY ("org_id","question_id") REFERENCES "public"."pulse_questions"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_actions" ADD CONSTRAINT "pulse_actions_owner_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pulse_actions_org_idx" ON "pulse_actions" USING btree ("org_id","pulse_id","created_at");--> statement-breakpoint
CREATE INDEX "pulse_actions_due_idx" ON "pulse_actions" USING btree ("org_id","status","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "pulses_previous_key" ON "pulses" USING btree ("org_id","previous_pulse_id");--> statement-breakpoint
ALTER TABLE "pulses" ADD CONSTRAINT "pulses_repeat_check" CHECK ("pulses"."repeat_every" is null or "pulses"."repeat_every" in ('month','quarter'));