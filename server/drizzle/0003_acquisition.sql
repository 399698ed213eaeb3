CREATE TABLE "channel_code_arrivals" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "channel_code_arrivals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tenant_id" uuid NOT NULL,
	"code_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"staff_id" uuid,
	"staff_external_id" text,
	"community_id" uuid,
	"partner_id" uuid,
	"is_new_member" boolean NOT NULL,
	"is_first_touch" boolean NOT NULL,
	"is_code_open" boolean NOT NULL,
	"arrived_at" timestamp with time zone NOT NULL,
	"inbound_event_id" bigint
);
--> statement-breakpoint
CREATE TABLE "channel_code_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"code_id" uuid NOT NULL,
	"target_key" text NOT NULL,
	"external_id" text NOT NULL,
	"url" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_code_scans" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "channel_code_scans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tenant_id" uuid NOT NULL,
	"code_id" uuid NOT NULL,
	"staff_id" uuid,
	"community_id" uuid,
	"scanned_at" timestamp with time zone NOT NULL,
	"member_id" uuid
);
--> statement-breakpoint
CREATE TABLE "channel_code_staff" (
	"tenant_id" uuid NOT NULL,
	"code_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"is_backup" boolean DEFAULT false NOT NULL,
	"daily_cap" integer,
	"position" integer NOT NULL,
	CONSTRAINT "channel_code_staff_code_id_staff_id_pk" PRIMARY KEY("code_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "channel_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"store_id" uuid,
	"platform_account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"purpose" text DEFAULT 'channel' NOT NULL,
	"referrer_member_id" uuid,
	"partner_id" uuid,
	"token" text NOT NULL,
	"state" text NOT NULL,
	"target_kind" text NOT NULL,
	"strategy" text,
	"schedule" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"series_id" uuid,
	"tag_names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"welcome" jsonb,
	"headline" text,
	"expires_at" timestamp with time zone,
	"total_cap" integer,
	"is_archived" boolean DEFAULT false NOT NULL,
	"rr_cursor" integer DEFAULT 0 NOT NULL,
	"scan_count" integer DEFAULT 0 NOT NULL,
	"arrival_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_attributions" (
	"tenant_id" uuid NOT NULL,
	"member_id" uuid PRIMARY KEY NOT NULL,
	"first_code_id" uuid,
	"first_at" timestamp with time zone NOT NULL,
	"last_code_id" uuid,
	"last_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"store_id" uuid,
	"name" text NOT NULL,
	"contact" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_contacts" (
	"tenant_id" uuid NOT NULL,
	"platform_account_id" uuid NOT NULL,
	"staff_external_id" text NOT NULL,
	"member_id" uuid NOT NULL,
	"staff_id" uuid,
	"added_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "staff_contacts_platform_account_id_staff_external_id_member_id_pk" PRIMARY KEY("platform_account_id","staff_external_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "group_welcome_queue" (
	"tenant_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"name" text NOT NULL,
	"inbound_event_id" bigint,
	"channel_code_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_welcome_queue_community_id_member_id_joined_at_pk" PRIMARY KEY("community_id","member_id","joined_at")
);
--> statement-breakpoint
CREATE TABLE "welcome_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"scope_id" uuid,
	"private" jsonb,
	"group" jsonb,
	"group_batch_seconds" integer,
	"group_batch_max_names" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "welcome_messages_scope" UNIQUE NULLS NOT DISTINCT("tenant_id","scope","scope_id")
);
--> statement-breakpoint
ALTER TABLE "channel_code_arrivals" ADD CONSTRAINT "channel_code_arrivals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_code_arrivals" ADD CONSTRAINT "channel_code_arrivals_code_id_channel_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."channel_codes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_code_arrivals" ADD CONSTRAINT "channel_code_arrivals_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_code_arrivals" ADD CONSTRAINT "channel_code_arrivals_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_code_arrivals" ADD CONSTRAINT "channel_code_arrivals_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_code_arrivals" ADD CONSTRAINT "channel_code_arrivals_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_code_links" ADD CONSTRAINT "channel_code_links_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_code_links" ADD CONSTRAINT "channel_code_links_code_id_channel_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."channel_codes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_code_scans" ADD CONSTRAINT "channel_code_scans_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_code_scans" ADD CONSTRAINT "channel_code_scans_code_id_channel_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."channel_codes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_code_scans" ADD CONSTRAINT "channel_code_scans_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_code_scans" ADD CONSTRAINT "channel_code_scans_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_code_scans" ADD CONSTRAINT "channel_code_scans_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_code_staff" ADD CONSTRAINT "channel_code_staff_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_code_staff" ADD CONSTRAINT "channel_code_staff_code_id_channel_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."channel_codes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_code_staff" ADD CONSTRAINT "channel_code_staff_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_codes" ADD CONSTRAINT "channel_codes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_codes" ADD CONSTRAINT "channel_codes_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_codes" ADD CONSTRAINT "channel_codes_platform_account_id_platform_accounts_id_fk" FOREIGN KEY ("platform_account_id") REFERENCES "public"."platform_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_codes" ADD CONSTRAINT "channel_codes_referrer_member_id_members_id_fk" FOREIGN KEY ("referrer_member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_codes" ADD CONSTRAINT "channel_codes_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_codes" ADD CONSTRAINT "channel_codes_series_id_community_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."community_series"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_attributions" ADD CONSTRAINT "member_attributions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_attributions" ADD CONSTRAINT "member_attributions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_attributions" ADD CONSTRAINT "member_attributions_first_code_id_channel_codes_id_fk" FOREIGN KEY ("first_code_id") REFERENCES "public"."channel_codes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_attributions" ADD CONSTRAINT "member_attributions_last_code_id_channel_codes_id_fk" FOREIGN KEY ("last_code_id") REFERENCES "public"."channel_codes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_contacts" ADD CONSTRAINT "staff_contacts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_contacts" ADD CONSTRAINT "staff_contacts_platform_account_id_platform_accounts_id_fk" FOREIGN KEY ("platform_account_id") REFERENCES "public"."platform_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_contacts" ADD CONSTRAINT "staff_contacts_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_contacts" ADD CONSTRAINT "staff_contacts_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_welcome_queue" ADD CONSTRAINT "group_welcome_queue_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_welcome_queue" ADD CONSTRAINT "group_welcome_queue_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_welcome_queue" ADD CONSTRAINT "group_welcome_queue_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_welcome_queue" ADD CONSTRAINT "group_welcome_queue_channel_code_id_channel_codes_id_fk" FOREIGN KEY ("channel_code_id") REFERENCES "public"."channel_codes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welcome_messages" ADD CONSTRAINT "welcome_messages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "channel_code_arrivals_code" ON "channel_code_arrivals" USING btree ("code_id","arrived_at");--> statement-breakpoint
CREATE INDEX "channel_code_arrivals_staff" ON "channel_code_arrivals" USING btree ("code_id","staff_id","arrived_at");--> statement-breakpoint
CREATE INDEX "channel_code_arrivals_partner" ON "channel_code_arrivals" USING btree ("partner_id") WHERE partner_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_code_arrivals_event" ON "channel_code_arrivals" USING btree ("tenant_id","inbound_event_id") WHERE inbound_event_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_code_links_target" ON "channel_code_links" USING btree ("code_id","target_key");--> statement-breakpoint
CREATE INDEX "channel_code_scans_code" ON "channel_code_scans" USING btree ("code_id","scanned_at");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_codes_token" ON "channel_codes" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_codes_state" ON "channel_codes" USING btree ("platform_account_id","state");--> statement-breakpoint
CREATE INDEX "channel_codes_tenant" ON "channel_codes" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "member_attributions_first" ON "member_attributions" USING btree ("tenant_id","first_code_id");--> statement-breakpoint
CREATE INDEX "member_attributions_last" ON "member_attributions" USING btree ("tenant_id","last_code_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partners_tenant_name" ON "partners" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "staff_contacts_member" ON "staff_contacts" USING btree ("tenant_id","member_id");--> statement-breakpoint
CREATE INDEX "group_welcome_queue_joined" ON "group_welcome_queue" USING btree ("tenant_id","joined_at");--> statement-breakpoint
CREATE INDEX "members_tenant_owner" ON "members" USING btree ("tenant_id","owner_staff_id");