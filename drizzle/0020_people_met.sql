ALTER TABLE "people" ADD COLUMN "met" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "people_keep_in_touch_met_idx" ON "people" USING btree ("workspace_id",(coalesce("last_interaction_at", "created_at"))) WHERE "people"."keep_in_touch" = 'unknown' and "people"."keep_in_touch_every_days" is null and "people"."met";--> statement-breakpoint
-- people.met: true while a person takes part in a held conversation (status held, thanked or
-- keeping_in_touch: MET_STATUSES in src/domain/meeting-reminders.ts; a test checks the two agree).
-- Worked out again for the given people only.
CREATE FUNCTION "rapport_people_met"(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "people" p SET "met" = m.met
  FROM (
    SELECT x.id, EXISTS (
      SELECT 1 FROM "conversation_participants" cp
      JOIN "conversations" c ON c."id" = cp."conversation_id"
      WHERE cp."person_id" = x.id AND c."status" IN ('held', 'thanked', 'keeping_in_touch')
    ) AS met
    FROM unnest(ids) AS x(id)
  ) m
  WHERE p."id" = m.id AND p."met" IS DISTINCT FROM m.met
$$;
--> statement-breakpoint
-- Participants added, removed or changed: once per statement, for the people in the changed rows.
-- An added participant can only make someone met, so only those of held conversations are marked.
CREATE FUNCTION "rapport_participants_met"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "people" SET "met" = true
    WHERE NOT "met" AND "id" IN (
      SELECT a."person_id" FROM added a JOIN "conversations" c ON c."id" = a."conversation_id"
      WHERE c."status" IN ('held', 'thanked', 'keeping_in_touch'));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "rapport_people_met"(array(SELECT DISTINCT r."person_id" FROM removed r));
  ELSE
    PERFORM "rapport_people_met"(array(
      SELECT a."person_id" FROM added a UNION SELECT r."person_id" FROM removed r));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "participants_met_insert" AFTER INSERT ON "conversation_participants"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "rapport_participants_met"();
--> statement-breakpoint
CREATE TRIGGER "participants_met_delete" AFTER DELETE ON "conversation_participants"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "rapport_participants_met"();
--> statement-breakpoint
CREATE TRIGGER "participants_met_update" AFTER UPDATE ON "conversation_participants"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT
  EXECUTE FUNCTION "rapport_participants_met"();
--> statement-breakpoint
-- A conversation whose status moved into or out of the held ones: its participants, once per
-- statement. A deleted conversation's participants go with it (cascade), through the trigger above.
CREATE FUNCTION "rapport_conversations_met"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "rapport_people_met"(array(
    SELECT DISTINCT cp."person_id"
    FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    JOIN "conversation_participants" cp ON cp."conversation_id" = n."id"
    WHERE (n."status" IN ('held', 'thanked', 'keeping_in_touch'))
      IS DISTINCT FROM (o."status" IN ('held', 'thanked', 'keeping_in_touch'))));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "conversations_met_update" AFTER UPDATE ON "conversations"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION "rapport_conversations_met"();
--> statement-breakpoint
UPDATE "people" p SET "met" = true
WHERE EXISTS (
  SELECT 1 FROM "conversation_participants" cp
  JOIN "conversations" c ON c."id" = cp."conversation_id"
  WHERE cp."person_id" = p."id" AND c."status" IN ('held', 'thanked', 'keeping_in_touch'));
