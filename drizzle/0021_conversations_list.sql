-- The Conversations list reads its first page in its order (most recently changed first, then id)
-- from conversations_list_idx instead of sorting every conversation of the workspace, and its search
-- box (title ILIKE) looks up the titles sharing the text's trigrams instead of reading every title.
CREATE INDEX "conversations_list_idx" ON "conversations" USING btree ("workspace_id","updated_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "conversations_title_trgm_idx" ON "conversations" USING gin ("title" gin_trgm_ops) WITH (gin_pending_list_limit=256);
