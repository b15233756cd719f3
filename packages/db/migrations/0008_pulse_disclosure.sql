CREATE TABLE "pulse_disclosures" (
	"org_id" uuid NOT NULL,
	"pulse_id" uuid NOT NULL,
	"rule_version" integer NOT NULL,
	"respondents" integer NOT NULL,
	"visible" text[] NOT NULL,
	CONSTRAINT "pulse_disclosures_org_id_pulse_id_pk" PRIMARY KEY("org_id","pulse_id")
);
--> statement-breakpoint
ALTER TABLE "pulse_disclosures" ADD CONSTRAINT "pulse_disclosures_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_disclosures" ADD CONSTRAINT "pulse_disclosures_pulse_fk" FOREIGN KEY ("org_id","pulse_id") REFERENCES "public"."pulses"("org_id","id") ON DELETE cascade ON UPDATE no action;