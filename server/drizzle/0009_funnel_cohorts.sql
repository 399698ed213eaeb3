CREATE TABLE "funnel_cohort_days" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"store_id" uuid,
	"new_members" integer NOT NULL,
	"activated" integer NOT NULL,
	"due_w1" integer NOT NULL,
	"retained_w1" integer NOT NULL,
	"due_w2" integer NOT NULL,
	"retained_w2" integer NOT NULL,
	"due_w4" integer NOT NULL,
	"retained_w4" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funnel_cohort_rollups" (
	"tenant_id" uuid NOT NULL,
	"timezone" text NOT NULL,
	"covers_before" date NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "funnel_cohort_rollups_tenant_id_pk" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
DROP INDEX "member_funnel_facts_joined";--> statement-breakpoint
ALTER TABLE "funnel_cohort_days" ADD CONSTRAINT "funnel_cohort_days_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_cohort_days" ADD CONSTRAINT "funnel_cohort_days_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_cohort_rollups" ADD CONSTRAINT "funnel_cohort_rollups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funnel_cohort_days_day" ON "funnel_cohort_days" USING btree ("tenant_id","day");--> statement-breakpoint
CREATE INDEX "member_events_invites" ON "member_events" USING btree ("tenant_id","occurred_at","member_id","data") WHERE type = 'fission.invite_valid';--> statement-breakpoint
CREATE INDEX "member_funnel_facts_joined" ON "member_funnel_facts" USING btree ("tenant_id","joined_at","member_id");