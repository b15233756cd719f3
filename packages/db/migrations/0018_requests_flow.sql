CREATE TABLE "forecast_log_requests" (
	"org_id" uuid NOT NULL,
	"log_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	CONSTRAINT "forecast_log_requests_log_id_request_id_pk" PRIMARY KEY("log_id","request_id")
);
--> statement-breakpoint
CREATE TABLE "request_flow_statuses" (
	"org_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"category" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "request_flow_statuses_org_id_key_pk" PRIMARY KEY("org_id","key"),
	CONSTRAINT "request_flow_statuses_category_check" CHECK ("request_flow_statuses"."category" in ('new','triaged','in_progress','done','rejected','deferred'))
);
--> statement-breakpoint
CREATE TABLE "request_flow_transitions" (
	"org_id" uuid NOT NULL,
	"from_key" text NOT NULL,
	"to_key" text NOT NULL,
	CONSTRAINT "request_flow_transitions_org_id_from_key_to_key_pk" PRIMARY KEY("org_id","from_key","to_key"),
	CONSTRAINT "request_flow_transitions_no_loop" CHECK ("request_flow_transitions"."from_key" <> "request_flow_transitions"."to_key")
);
--> statement-breakpoint
ALTER TABLE "requests" DROP CONSTRAINT "requests_status_check";--> statement-breakpoint
ALTER TABLE "forecast_log" ADD COLUMN "scope" text DEFAULT 'count' NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "status_category" text;--> statement-breakpoint
ALTER TABLE "forecast_log_requests" ADD CONSTRAINT "forecast_log_requests_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_log_requests" ADD CONSTRAINT "forecast_log_requests_log_id_forecast_log_id_fk" FOREIGN KEY ("log_id") REFERENCES "public"."forecast_log"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_log_requests" ADD CONSTRAINT "forecast_log_requests_request_fk" FOREIGN KEY ("org_id","request_id") REFERENCES "public"."requests"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_flow_statuses" ADD CONSTRAINT "request_flow_statuses_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_flow_transitions" ADD CONSTRAINT "request_flow_transitions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_flow_transitions" ADD CONSTRAINT "request_flow_transitions_from_fk" FOREIGN KEY ("org_id","from_key") REFERENCES "public"."request_flow_statuses"("org_id","key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_flow_transitions" ADD CONSTRAINT "request_flow_transitions_to_fk" FOREIGN KEY ("org_id","to_key") REFERENCES "public"."request_flow_statuses"("org_id","key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "forecast_log_requests_request_idx" ON "forecast_log_requests" USING btree ("org_id","request_id");--> statement-breakpoint
ALTER TABLE "forecast_log" ADD CONSTRAINT "forecast_log_scope_check" CHECK ("forecast_log"."scope" in ('count','requests'));--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_status_category_check" CHECK ("requests"."status_category" is null or "requests"."status_category" in ('new','triaged','in_progress','done','rejected','deferred'));