-- The People box matches one lower-cased text per person (name, title and e-mail on separate
-- lines, kept by the database) with LIKE, through one trigram index, instead of ILIKE on the name
-- and on the title and e-mail, which lower-cased every row it read again at each keystroke. The
-- table is rewritten once; its statistics are gathered here so the first searches are planned
-- with them.
DROP INDEX "people_title_email_trgm_idx";--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "filter_text" text GENERATED ALWAYS AS (lower(full_name || E'\n' || coalesce(title, '') || E'\n' || coalesce(email, ''))) STORED;--> statement-breakpoint
CREATE INDEX "people_filter_trgm_idx" ON "people" USING gin ("filter_text" gin_trgm_ops) WITH (gin_pending_list_limit=256);--> statement-breakpoint
ANALYZE "people";
