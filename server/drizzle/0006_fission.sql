CREATE TABLE "fission_campaigns" (
	"campaign_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"platform_account_id" uuid NOT NULL,
	"target" jsonb NOT NULL,
	"headline" text NOT NULL,
	"points_per_invite" integer DEFAULT 0 NOT NULL,
	"invitee_reward" jsonb,
	"stay_minutes" integer DEFAULT 1440 NOT NULL,
	"max_invites_per_hour" integer DEFAULT 30 NOT NULL,
	"progress_interval_minutes" integer DEFAULT 60 NOT NULL,
	"leaderboard_every_minutes" integer,
	"leaderboard_size" integer DEFAULT 10 NOT NULL,
	"leaderboard_posted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fission_inviters" (
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"channel_code_id" uuid,
	"valid_count" integer DEFAULT 0 NOT NULL,
	"is_on_hold" boolean DEFAULT false NOT NULL,
	"progress_sent_at" timestamp with time zone,
	"joined_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fission_inviters_campaign_id_member_id_pk" PRIMARY KEY("campaign_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "fission_invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"inviter_member_id" uuid NOT NULL,
	"invitee_member_id" uuid NOT NULL,
	"community_id" uuid,
	"inbound_event_id" bigint NOT NULL,
	"status" text NOT NULL,
	"void_reason" text,
	"depth" integer DEFAULT 1 NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone,
	"left_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "fission_rewards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"tier_index" integer,
	"invite_id" uuid,
	"reward" jsonb NOT NULL,
	"status" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"coupon_id" uuid,
	"ledger_entry_id" bigint,
	"note" text,
	"decided_by_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "fission_tiers" (
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"tier_index" integer NOT NULL,
	"invites" integer NOT NULL,
	"name" text NOT NULL,
	"reward" jsonb NOT NULL,
	"budget" integer,
	"granted_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "fission_tiers_campaign_id_tier_index_pk" PRIMARY KEY("campaign_id","tier_index")
);
--> statement-breakpoint
ALTER TABLE "fission_campaigns" ADD CONSTRAINT "fission_campaigns_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fission_campaigns" ADD CONSTRAINT "fission_campaigns_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fission_campaigns" ADD CONSTRAINT "fission_campaigns_platform_account_id_platform_accounts_id_fk" FOREIGN KEY ("platform_account_id") REFERENCES "public"."platform_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fission_inviters" ADD CONSTRAINT "fission_inviters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fission_inviters" ADD CONSTRAINT "fission_inviters_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fission_inviters" ADD CONSTRAINT "fission_inviters_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fission_inviters" ADD CONSTRAINT "fission_inviters_channel_code_id_channel_codes_id_fk" FOREIGN KEY ("channel_code_id") REFERENCES "public"."channel_codes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fission_invites" ADD CONSTRAINT "fission_invites_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fission_invites" ADD CONSTRAINT "fission_invites_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fission_invites" ADD CONSTRAINT "fission_invites_inviter_member_id_members_id_fk" FOREIGN KEY ("inviter_member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fission_invites" ADD CONSTRAINT "fission_invites_invitee_member_id_members_id_fk" FOREIGN KEY ("invitee_member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fission_invites" ADD CONSTRAINT "fission_invites_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fission_rewards" ADD CONSTRAINT "fission_rewards_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fission_rewards" ADD CONSTRAINT "fission_rewards_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fission_rewards" ADD CONSTRAINT "fission_rewards_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fission_rewards" ADD CONSTRAINT "fission_rewards_invite_id_fission_invites_id_fk" FOREIGN KEY ("invite_id") REFERENCES "public"."fission_invites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fission_rewards" ADD CONSTRAINT "fission_rewards_decided_by_staff_id_staff_id_fk" FOREIGN KEY ("decided_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fission_tiers" ADD CONSTRAINT "fission_tiers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fission_tiers" ADD CONSTRAINT "fission_tiers_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fission_inviters_code" ON "fission_inviters" USING btree ("channel_code_id");--> statement-breakpoint
CREATE INDEX "fission_inviters_rank" ON "fission_inviters" USING btree ("campaign_id","valid_count");--> statement-breakpoint
CREATE UNIQUE INDEX "fission_invites_event" ON "fission_invites" USING btree ("campaign_id","inbound_event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fission_invites_invitee" ON "fission_invites" USING btree ("campaign_id","invitee_member_id") WHERE status <> 'void';--> statement-breakpoint
CREATE INDEX "fission_invites_due" ON "fission_invites" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "fission_invites_inviter" ON "fission_invites" USING btree ("campaign_id","inviter_member_id","invited_at");--> statement-breakpoint
CREATE UNIQUE INDEX "fission_rewards_key" ON "fission_rewards" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "fission_rewards_status" ON "fission_rewards" USING btree ("tenant_id","campaign_id","status");