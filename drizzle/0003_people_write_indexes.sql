DROP INDEX "people_email_idx";--> statement-breakpoint
DROP INDEX "people_linkedin_idx";--> statement-breakpoint
DROP INDEX "people_workspace_name_idx";--> statement-breakpoint
CREATE INDEX "people_workspace_name_idx" ON "people" USING btree ("workspace_id",lower("full_name"),"id");--> statement-breakpoint
-- Room on each page for a new version of its rows: an import that updates thousands of people
-- (a new "Connected On", a new position) then writes them in place without new index entries.
-- Rows written before this keep their packed pages until they move.
ALTER TABLE "people" SET (fillfactor = 70);
