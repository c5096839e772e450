-- Every GIN index merges its pending entries at 256 kB instead of 4 MB (see SMALL_PENDING_LIST in
-- schema.ts). Only each index's storage parameter changes; then the entries pending from before are
-- merged now, at start-up, rather than by the first statement that adds one.
ALTER INDEX "organizations_search_idx" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "organizations_name_trgm_idx" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "organizations_industry_trgm_idx" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "people_past_orgs_idx" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "people_name_trgm_idx" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "people_title_email_trgm_idx" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "people_search_idx" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "conversations_search_idx" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "questions_search_idx" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "plan_items_search_idx" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "notes_search_idx" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "insights_search_idx" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "messages_search_idx" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "tasks_search_idx" SET (gin_pending_list_limit = 256);--> statement-breakpoint
SELECT
  gin_clean_pending_list('"organizations_search_idx"'::regclass),
  gin_clean_pending_list('"organizations_name_trgm_idx"'::regclass),
  gin_clean_pending_list('"organizations_industry_trgm_idx"'::regclass),
  gin_clean_pending_list('"people_past_orgs_idx"'::regclass),
  gin_clean_pending_list('"people_name_trgm_idx"'::regclass),
  gin_clean_pending_list('"people_title_email_trgm_idx"'::regclass),
  gin_clean_pending_list('"people_search_idx"'::regclass),
  gin_clean_pending_list('"conversations_search_idx"'::regclass),
  gin_clean_pending_list('"questions_search_idx"'::regclass),
  gin_clean_pending_list('"plan_items_search_idx"'::regclass),
  gin_clean_pending_list('"notes_search_idx"'::regclass),
  gin_clean_pending_list('"insights_search_idx"'::regclass),
  gin_clean_pending_list('"messages_search_idx"'::regclass),
  gin_clean_pending_list('"tasks_search_idx"'::regclass);
