CREATE TABLE "priority_round_results" (
	"org_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"results" jsonb NOT NULL,
	CONSTRAINT "priority_round_results_pkey" PRIMARY KEY("org_id","round_id")
);
--> statement-breakpoint
ALTER TABLE "priority_round_results" ADD CONSTRAINT "priority_round_results_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_round_results" ADD CONSTRAINT "priority_round_results_round_fk" FOREIGN KEY ("org_id","round_id") REFERENCES "public"."priority_rounds"("org_id","id") ON DELETE cascade ON UPDATE no action;