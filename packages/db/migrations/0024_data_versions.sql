CREATE TABLE "data_versions" (
	"org_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "data_versions_org_id_scope_pk" PRIMARY KEY("org_id","scope")
);
--> statement-breakpoint
ALTER TABLE "data_versions" ADD CONSTRAINT "data_versions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Raises the organisation's counter for the scope named by the trigger's argument, once per statement
-- and organisation whose rows the statement changed (decision 166). An organisation being deleted
-- (its rows removed by the cascade) gets no counter back.
CREATE FUNCTION "tandem_bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "data_versions" ("org_id", "scope", "version")
  SELECT DISTINCT c."org_id", TG_ARGV[0], 1 FROM "changed" c
  WHERE EXISTS (SELECT 1 FROM "organisations" o WHERE o."id" = c."org_id")
  ON CONFLICT ("org_id", "scope") DO UPDATE SET "version" = "data_versions"."version" + 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "people_version_insert" AFTER INSERT ON "people" REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('people');
--> statement-breakpoint
CREATE TRIGGER "people_version_update" AFTER UPDATE ON "people" REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('people');
--> statement-breakpoint
CREATE TRIGGER "people_version_delete" AFTER DELETE ON "people" REFERENCING OLD TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('people');
