CREATE TABLE "deferred_need_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"action" text NOT NULL,
	"on_day" date NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"by_person_id" uuid,
	"actor_user_id" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "deferred_need_events_action_check" CHECK ("deferred_need_events"."action" in ('deferred','undeferred'))
);
--> statement-breakpoint
CREATE TABLE "deferred_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"deferred_by_id" uuid,
	"cost_now" numeric NOT NULL,
	"annual_failure_probability" numeric NOT NULL,
	"impact" numeric NOT NULL,
	"services" text DEFAULT '' NOT NULL,
	"deferred_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deferred_needs_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "deferred_needs_probability_check" CHECK ("deferred_needs"."annual_failure_probability" >= 0 and "deferred_needs"."annual_failure_probability" <= 1),
	CONSTRAINT "deferred_needs_amounts_check" CHECK ("deferred_needs"."cost_now" >= 0 and "deferred_needs"."impact" >= 0)
);
--> statement-breakpoint
CREATE TABLE "forecast_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"as_of" date NOT NULL,
	"window_days" integer NOT NULL,
	"remaining" integer,
	"by_day" date,
	"result" jsonb NOT NULL,
	"actor_user_id" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "forecast_log_kind_check" CHECK ("forecast_log"."kind" in ('when','how_many'))
);
--> statement-breakpoint
CREATE TABLE "reference_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"estimate_days" numeric NOT NULL,
	"actual_days" numeric NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reference_projects_days_check" CHECK ("reference_projects"."estimate_days" > 0 and "reference_projects"."actual_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "request_goals" (
	"org_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	CONSTRAINT "request_goals_request_id_goal_id_pk" PRIMARY KEY("request_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "request_initiatives" (
	"org_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	CONSTRAINT "request_initiatives_request_id_initiative_id_pk" PRIMARY KEY("request_id","initiative_id")
);
--> statement-breakpoint
CREATE TABLE "request_ladder_rungs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"rung" text NOT NULL,
	"deliverable" text DEFAULT '' NOT NULL,
	"due_date" date,
	"done" boolean DEFAULT false NOT NULL,
	CONSTRAINT "request_ladder_rungs_request_rung_key" UNIQUE("org_id","request_id","rung"),
	CONSTRAINT "request_ladder_rungs_rung_check" CHECK ("request_ladder_rungs"."rung" in ('now','next_week','next_month','next_year'))
);
--> statement-breakpoint
CREATE TABLE "request_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"actor_user_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"requester_id" uuid,
	"side" text DEFAULT 'business' NOT NULL,
	"department" text,
	"type" text DEFAULT 'feature' NOT NULL,
	"value_text" text,
	"value_amount" numeric,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"desired_date" date,
	"status" text DEFAULT 'new' NOT NULL,
	"created_on" date NOT NULL,
	"started_on" date,
	"done_on" date,
	"it_involved_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requests_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "requests_status_check" CHECK ("requests"."status" in ('new','triaged','in_progress','done','rejected','deferred')),
	CONSTRAINT "requests_type_check" CHECK ("requests"."type" in ('feature','change','fix','it_need')),
	CONSTRAINT "requests_side_check" CHECK ("requests"."side" in ('business','it')),
	CONSTRAINT "requests_urgency_check" CHECK ("requests"."urgency" in ('low','normal','high','critical')),
	CONSTRAINT "requests_done_after_created" CHECK ("requests"."done_on" is null or "requests"."done_on" >= "requests"."created_on"),
	CONSTRAINT "requests_started_after_created" CHECK ("requests"."started_on" is null or "requests"."started_on" >= "requests"."created_on"),
	CONSTRAINT "requests_value_check" CHECK ("requests"."value_amount" is null or "requests"."value_amount" >= 0)
);
--> statement-breakpoint
ALTER TABLE "deferred_need_events" ADD CONSTRAINT "deferred_need_events_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deferred_need_events" ADD CONSTRAINT "deferred_need_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deferred_need_events" ADD CONSTRAINT "deferred_need_events_need_fk" FOREIGN KEY ("org_id","need_id") REFERENCES "public"."deferred_needs"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deferred_needs" ADD CONSTRAINT "deferred_needs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deferred_needs" ADD CONSTRAINT "deferred_needs_deferred_by_fk" FOREIGN KEY ("org_id","deferred_by_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_log" ADD CONSTRAINT "forecast_log_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_log" ADD CONSTRAINT "forecast_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_projects" ADD CONSTRAINT "reference_projects_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_goals" ADD CONSTRAINT "request_goals_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_goals" ADD CONSTRAINT "request_goals_request_fk" FOREIGN KEY ("org_id","request_id") REFERENCES "public"."requests"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_goals" ADD CONSTRAINT "request_goals_goal_fk" FOREIGN KEY ("org_id","goal_id") REFERENCES "public"."goals"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_initiatives" ADD CONSTRAINT "request_initiatives_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_initiatives" ADD CONSTRAINT "request_initiatives_request_fk" FOREIGN KEY ("org_id","request_id") REFERENCES "public"."requests"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_initiatives" ADD CONSTRAINT "request_initiatives_initiative_fk" FOREIGN KEY ("org_id","initiative_id") REFERENCES "public"."initiatives"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_ladder_rungs" ADD CONSTRAINT "request_ladder_rungs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_ladder_rungs" ADD CONSTRAINT "request_ladder_rungs_request_fk" FOREIGN KEY ("org_id","request_id") REFERENCES "public"."requests"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_transitions" ADD CONSTRAINT "request_transitions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_transitions" ADD CONSTRAINT "request_transitions_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_transitions" ADD CONSTRAINT "request_transitions_request_fk" FOREIGN KEY ("org_id","request_id") REFERENCES "public"."requests"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_requester_fk" FOREIGN KEY ("org_id","requester_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deferred_need_events_need_idx" ON "deferred_need_events" USING btree ("org_id","need_id","at");--> statement-breakpoint
CREATE INDEX "deferred_needs_org_idx" ON "deferred_needs" USING btree ("org_id","deferred_on");--> statement-breakpoint
CREATE INDEX "forecast_log_org_idx" ON "forecast_log" USING btree ("org_id","at");--> statement-breakpoint
CREATE INDEX "reference_projects_org_idx" ON "reference_projects" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "request_goals_org_idx" ON "request_goals" USING btree ("org_id","goal_id");--> statement-breakpoint
CREATE INDEX "request_initiatives_org_idx" ON "request_initiatives" USING btree ("org_id","initiative_id");--> statement-breakpoint
CREATE INDEX "request_transitions_request_idx" ON "request_transitions" USING btree ("org_id","request_id","at");--> statement-breakpoint
CREATE INDEX "requests_org_status_idx" ON "requests" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "requests_org_done_idx" ON "requests" USING btree ("org_id","done_on");--> statement-breakpoint
CREATE INDEX "requests_org_created_idx" ON "requests" USING btree ("org_id","created_on");