ALTER TABLE "customers" ADD COLUMN "value_per_order_score" smallint;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "value_order_count" integer;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "value_loss_making" boolean DEFAULT false NOT NULL;