-- The Organizations list reads its first page in its order (name, then id) from this index instead
-- of sorting every organization of the workspace.
CREATE INDEX "organizations_list_idx" ON "organizations" USING btree ("workspace_id",lower("name"),"id");