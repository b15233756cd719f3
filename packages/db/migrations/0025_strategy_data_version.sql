-- The roadmap's tables raise the 'strategy' data version (decision 166): the roadmap, goals,
-- initiatives, enablers and health settings reads are tagged by it (and by the day).
CREATE TRIGGER "goals_version_insert" AFTER INSERT ON "goals" REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('strategy');
--> statement-breakpoint
CREATE TRIGGER "goals_version_update" AFTER UPDATE ON "goals" REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('strategy');
--> statement-breakpoint
CREATE TRIGGER "goals_version_delete" AFTER DELETE ON "goals" REFERENCING OLD TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('strategy');
--> statement-breakpoint
CREATE TRIGGER "initiatives_version_insert" AFTER INSERT ON "initiatives" REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('strategy');
--> statement-breakpoint
CREATE TRIGGER "initiatives_version_update" AFTER UPDATE ON "initiatives" REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('strategy');
--> statement-breakpoint
CREATE TRIGGER "initiatives_version_delete" AFTER DELETE ON "initiatives" REFERENCING OLD TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('strategy');
--> statement-breakpoint
CREATE TRIGGER "enablers_version_insert" AFTER INSERT ON "enablers" REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('strategy');
--> statement-breakpoint
CREATE TRIGGER "enablers_version_update" AFTER UPDATE ON "enablers" REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('strategy');
--> statement-breakpoint
CREATE TRIGGER "enablers_version_delete" AFTER DELETE ON "enablers" REFERENCING OLD TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('strategy');
--> statement-breakpoint
CREATE TRIGGER "initiative_goals_version_insert" AFTER INSERT ON "initiative_goals" REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('strategy');
--> statement-breakpoint
CREATE TRIGGER "initiative_goals_version_update" AFTER UPDATE ON "initiative_goals" REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('strategy');
--> statement-breakpoint
CREATE TRIGGER "initiative_goals_version_delete" AFTER DELETE ON "initiative_goals" REFERENCING OLD TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('strategy');
--> statement-breakpoint
CREATE TRIGGER "enabler_initiatives_version_insert" AFTER INSERT ON "enabler_initiatives" REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('strategy');
--> statement-breakpoint
CREATE TRIGGER "enabler_initiatives_version_update" AFTER UPDATE ON "enabler_initiatives" REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('strategy');
--> statement-breakpoint
CREATE TRIGGER "enabler_initiatives_version_delete" AFTER DELETE ON "enabler_initiatives" REFERENCING OLD TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('strategy');
--> statement-breakpoint
CREATE TRIGGER "enabler_dependencies_version_insert" AFTER INSERT ON "enabler_dependencies" REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('strategy');
--> statement-breakpoint
CREATE TRIGGER "enabler_dependencies_version_update" AFTER UPDATE ON "enabler_dependencies" REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('strategy');
--> statement-breakpoint
CREATE TRIGGER "enabler_dependencies_version_delete" AFTER DELETE ON "enabler_dependencies" REFERENCING OLD TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('strategy');
--> statement-breakpoint
CREATE TRIGGER "ladder_rungs_version_insert" AFTER INSERT ON "ladder_rungs" REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('strategy');
--> statement-breakpoint
CREATE TRIGGER "ladder_rungs_version_update" AFTER UPDATE ON "ladder_rungs" REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('strategy');
--> statement-breakpoint
CREATE TRIGGER "ladder_rungs_version_delete" AFTER DELETE ON "ladder_rungs" REFERENCING OLD TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('strategy');
--> statement-breakpoint
CREATE TRIGGER "strategy_settings_version_insert" AFTER INSERT ON "strategy_settings" REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('strategy');
--> statement-breakpoint
CREATE TRIGGER "strategy_settings_version_update" AFTER UPDATE ON "strategy_settings" REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('strategy');
--> statement-breakpoint
CREATE TRIGGER "strategy_settings_version_delete" AFTER DELETE ON "strategy_settings" REFERENCING OLD TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_bump_data_version"('strategy');
