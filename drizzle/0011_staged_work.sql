CREATE TABLE "staged_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"ready" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staged_steps" (
	"batch_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"statement" text NOT NULL,
	"params" jsonb NOT NULL,
	"rows" integer NOT NULL,
	CONSTRAINT "staged_steps_batch_id_seq_pk" PRIMARY KEY("batch_id","seq")
);
--> statement-breakpoint
ALTER TABLE "staged_steps" ADD CONSTRAINT "staged_steps_batch_id_staged_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."staged_batches"("id") ON DELETE cascade ON UPDATE no action;