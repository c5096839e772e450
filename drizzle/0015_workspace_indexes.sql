CREATE INDEX "calendar_feeds_workspace_idx" ON "calendar_feeds" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "conversation_comments_workspace_idx" ON "conversation_comments" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "conversation_documents_workspace_idx" ON "conversation_documents" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "status_history_workspace_idx" ON "conversation_status_history" USING btree ("workspace_id","at");--> statement-breakpoint
CREATE INDEX "goals_workspace_idx" ON "goals" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "import_profiles_workspace_idx" ON "import_profiles" USING btree ("workspace_id","kind");--> statement-breakpoint
CREATE INDEX "insights_workspace_idx" ON "insights" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "introductions_introducer_idx" ON "introductions" USING btree ("introducer_id");--> statement-breakpoint
CREATE INDEX "message_templates_workspace_idx" ON "message_templates" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "notes_workspace_idx" ON "notes" USING btree ("workspace_id","kind");--> statement-breakpoint
CREATE INDEX "plan_items_workspace_idx" ON "plan_items" USING btree ("workspace_id");