CREATE TABLE "pulse_result_memos" (
	"org_id" uuid NOT NULL,
	"pulse_id" uuid NOT NULL,
	"view" text NOT NULL,
	"version" text NOT NULL,
	"results" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pulse_result_memos_pkey" PRIMARY KEY("org_id","pulse_id","view")
);
--> statement-breakpoint
ALTER TABLE "pulse_result_memos" ADD CONSTRAINT "pulse_result_memos_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_result_memos" ADD CONSTRAINT "pulse_result_memos_pulse_fk" FOREIGN KEY ("org_id","pulse_id") REFERENCES "public"."pulses"("org_id","id") ON DELETE cascade ON UPDATE no action;