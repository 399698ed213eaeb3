CREATE TABLE "mass_send_recipients" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mass_send_recipients_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tenant_id" uuid NOT NULL,
	"mass_send_id" uuid NOT NULL,
	"platform_account_id" uuid NOT NULL,
	"recipient_kind" text NOT NULL,
	"recipient_external_id" text NOT NULL,
	"member_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"planned_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mass_sends" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"platform_account_id" uuid NOT NULL,
	"recipient_kind" text NOT NULL,
	"sender_external_id" text,
	"staff_id" uuid,
	"content" jsonb NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"task_external_id" text,
	"dedupe_key" text,
	"planned_at" timestamp with time zone NOT NULL,
	"next_check_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_sync_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"platform_account_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"reason" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"last_error" text,
	"requested_at" timestamp with time zone NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_tags" (
	"tenant_id" uuid NOT NULL,
	"platform_account_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"tag_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_tags_platform_account_id_external_id_pk" PRIMARY KEY("platform_account_id","external_id")
);
--> statement-breakpoint
ALTER TABLE "mass_send_recipients" ADD CONSTRAINT "mass_send_recipients_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mass_send_recipients" ADD CONSTRAINT "mass_send_recipients_mass_send_id_mass_sends_id_fk" FOREIGN KEY ("mass_send_id") REFERENCES "public"."mass_sends"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mass_send_recipients" ADD CONSTRAINT "mass_send_recipients_platform_account_id_platform_accounts_id_fk" FOREIGN KEY ("platform_account_id") REFERENCES "public"."platform_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mass_send_recipients" ADD CONSTRAINT "mass_send_recipients_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mass_sends" ADD CONSTRAINT "mass_sends_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mass_sends" ADD CONSTRAINT "mass_sends_platform_account_id_platform_accounts_id_fk" FOREIGN KEY ("platform_account_id") REFERENCES "public"."platform_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mass_sends" ADD CONSTRAINT "mass_sends_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_sync_requests" ADD CONSTRAINT "platform_sync_requests_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_sync_requests" ADD CONSTRAINT "platform_sync_requests_platform_account_id_platform_accounts_id_fk" FOREIGN KEY ("platform_account_id") REFERENCES "public"."platform_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_tags" ADD CONSTRAINT "platform_tags_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_tags" ADD CONSTRAINT "platform_tags_platform_account_id_platform_accounts_id_fk" FOREIGN KEY ("platform_account_id") REFERENCES "public"."platform_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_tags" ADD CONSTRAINT "platform_tags_tag_id_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."tags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mass_send_recipients_unique" ON "mass_send_recipients" USING btree ("mass_send_id","recipient_external_id");--> statement-breakpoint
CREATE INDEX "mass_send_recipients_quota" ON "mass_send_recipients" USING btree ("platform_account_id","recipient_external_id","planned_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mass_sends_dedupe" ON "mass_sends" USING btree ("tenant_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "mass_sends_tracking" ON "mass_sends" USING btree ("next_check_at") WHERE status in ('planned', 'awaiting_confirmation');--> statement-breakpoint
CREATE UNIQUE INDEX "platform_sync_requests_key" ON "platform_sync_requests" USING btree ("platform_account_id","scope","key");--> statement-breakpoint
CREATE INDEX "platform_sync_requests_due" ON "platform_sync_requests" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "platform_tags_tag" ON "platform_tags" USING btree ("tag_id");