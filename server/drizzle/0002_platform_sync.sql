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
ALTER TABLE "platform_sync_requests" ADD CONSTRAINT "platform_sync_requests_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_sync_requests" ADD CONSTRAINT "platform_sync_requests_platform_account_id_platform_accounts_id_fk" FOREIGN KEY ("platform_account_id") REFERENCES "public"."platform_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_tags" ADD CONSTRAINT "platform_tags_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_tags" ADD CONSTRAINT "platform_tags_platform_account_id_platform_accounts_id_fk" FOREIGN KEY ("platform_account_id") REFERENCES "public"."platform_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_tags" ADD CONSTRAINT "platform_tags_tag_id_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."tags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "platform_sync_requests_key" ON "platform_sync_requests" USING btree ("platform_account_id","scope","key");--> statement-breakpoint
CREATE INDEX "platform_sync_requests_due" ON "platform_sync_requests" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "platform_tags_tag" ON "platform_tags" USING btree ("tag_id");