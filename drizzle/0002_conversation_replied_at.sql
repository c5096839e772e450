ALTER TABLE "conversations" ADD COLUMN "replied_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "people_known_idx" ON "people" USING btree ("id") WHERE "people"."how_we_know" is not null;--> statement-breakpoint
-- Conversations answered before this column existed: the first answer to the latest request.
UPDATE "conversations" c SET "replied_at" = r.at
FROM (
  SELECT h.conversation_id, min(h.at) AS at
  FROM "conversation_status_history" h JOIN "conversations" c2 ON c2.id = h.conversation_id
  WHERE h.to_status IN ('accepted', 'declined') AND h.at >= c2.requested_at
  GROUP BY h.conversation_id
) r
WHERE r.conversation_id = c.id;
