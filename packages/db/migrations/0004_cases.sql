CREATE TABLE "case_controls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"cost_per_year" numeric NOT NULL,
	"frequency_reduction" numeric NOT NULL,
	"magnitude_reduction" numeric NOT NULL,
	CONSTRAINT "case_controls_reduction_check" CHECK ("case_controls"."frequency_reduction" between 0 and 1 and "case_controls"."magnitude_reduction" between 0 and 1 and "case_controls"."cost_per_year" >= 0)
);
--> statement-breakpoint
CREATE TABLE "case_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"type" text NOT NULL,
	"year" integer NOT NULL,
	"low" numeric NOT NULL,
	"likely" numeric NOT NULL,
	"high" numeric NOT NULL,
	CONSTRAINT "case_lines_type_check" CHECK ("case_lines"."type" in ('cost','benefit')),
	CONSTRAINT "case_lines_order_check" CHECK (0 <= "case_lines"."low" and "case_lines"."low" <= "case_lines"."likely" and "case_lines"."likely" <= "case_lines"."high")
);
--> statement-breakpoint
CREATE TABLE "case_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"question" text DEFAULT '' NOT NULL,
	"recommendation" text DEFAULT '' NOT NULL,
	"assumptions" text DEFAULT '' NOT NULL,
	"seed" integer NOT NULL,
	"iterations" integer NOT NULL,
	"discount_rate" numeric,
	"years" integer,
	"asset" text DEFAULT '' NOT NULL,
	"threat" text DEFAULT '' NOT NULL,
	"frequency_low" numeric,
	"frequency_likely" numeric,
	"frequency_high" numeric,
	"magnitude_low" numeric,
	"magnitude_high" numeric,
	"results" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_versions_case_version_key" UNIQUE("case_id","version"),
	CONSTRAINT "case_versions_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "case_versions_years_check" CHECK ("case_versions"."years" is null or "case_versions"."years" between 1 and 15),
	CONSTRAINT "case_versions_rate_check" CHECK ("case_versions"."discount_rate" is null or ("case_versions"."discount_rate" > -1 and "case_versions"."discount_rate" <= 1))
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"currency" text NOT NULL,
	"initiative_id" uuid,
	"owner_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"npv_p50" numeric,
	"probability_positive" numeric,
	"ale_before" numeric,
	"ale_after" numeric,
	"rosi" numeric,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "cases_kind_check" CHECK ("cases"."kind" in ('business','security'))
);
--> statement-breakpoint
ALTER TABLE "case_controls" ADD CONSTRAINT "case_controls_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_controls" ADD CONSTRAINT "case_controls_version_fk" FOREIGN KEY ("org_id","version_id") REFERENCES "public"."case_versions"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_lines" ADD CONSTRAINT "case_lines_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_lines" ADD CONSTRAINT "case_lines_version_fk" FOREIGN KEY ("org_id","version_id") REFERENCES "public"."case_versions"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_versions" ADD CONSTRAINT "case_versions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_versions" ADD CONSTRAINT "case_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_versions" ADD CONSTRAINT "case_versions_case_fk" FOREIGN KEY ("org_id","case_id") REFERENCES "public"."cases"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_controls_version_idx" ON "case_controls" USING btree ("version_id","position");--> statement-breakpoint
CREATE INDEX "case_controls_org_idx" ON "case_controls" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "case_lines_version_idx" ON "case_lines" USING btree ("version_id","position");--> statement-breakpoint
CREATE INDEX "case_lines_org_idx" ON "case_lines" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "case_versions_org_idx" ON "case_versions" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "cases_org_kind_idx" ON "cases" USING btree ("org_id","kind","updated_at");--> statement-breakpoint
CREATE INDEX "cases_initiative_idx" ON "cases" USING btree ("initiative_id");