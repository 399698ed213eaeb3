CREATE TABLE "community_activity_days" (
	"tenant_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"day" date NOT NULL,
	"messages" integer DEFAULT 0 NOT NULL,
	"last_event_id" bigint NOT NULL,
	CONSTRAINT "community_activity_days_community_id_day_member_id_pk" PRIMARY KEY("community_id","day","member_id")
);
--> statement-breakpoint
CREATE TABLE "member_funnel_facts" (
	"tenant_id" uuid NOT NULL,
	"member_id" uuid PRIMARY KEY NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"activated_at" timestamp with time zone,
	"is_retained_w1" boolean NOT NULL,
	"is_retained_w2" boolean NOT NULL,
	"is_retained_w4" boolean NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"refunded_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"source" text NOT NULL,
	"member_id" uuid,
	"store_id" uuid,
	"staff_id" uuid,
	"community_id" uuid,
	"first_code_id" uuid,
	"last_code_id" uuid,
	"campaign_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"amount_cents" bigint NOT NULL,
	"refunded_cents" bigint DEFAULT 0 NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"ordered_at" timestamp with time zone NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "community_activity_days" ADD CONSTRAINT "community_activity_days_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_activity_days" ADD CONSTRAINT "community_activity_days_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_activity_days" ADD CONSTRAINT "community_activity_days_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_funnel_facts" ADD CONSTRAINT "member_funnel_facts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_funnel_facts" ADD CONSTRAINT "member_funnel_facts_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_refunds" ADD CONSTRAINT "order_refunds_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_refunds" ADD CONSTRAINT "order_refunds_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_first_code_id_channel_codes_id_fk" FOREIGN KEY ("first_code_id") REFERENCES "public"."channel_codes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_last_code_id_channel_codes_id_fk" FOREIGN KEY ("last_code_id") REFERENCES "public"."channel_codes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_activity_days_tenant" ON "community_activity_days" USING btree ("tenant_id","day");--> statement-breakpoint
CREATE INDEX "member_funnel_facts_pending" ON "member_funnel_facts" USING btree ("tenant_id","computed_at");--> statement-breakpoint
CREATE INDEX "member_funnel_facts_joined" ON "member_funnel_facts" USING btree ("tenant_id","joined_at");--> statement-breakpoint
CREATE UNIQUE INDEX "order_refunds_external" ON "order_refunds" USING btree ("order_id","external_id");--> statement-breakpoint
CREATE INDEX "order_refunds_tenant_time" ON "order_refunds" USING btree ("tenant_id","refunded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_external" ON "orders" USING btree ("tenant_id","external_id");--> statement-breakpoint
CREATE INDEX "orders_tenant_time" ON "orders" USING btree ("tenant_id","ordered_at");--> statement-breakpoint
CREATE INDEX "orders_member" ON "orders" USING btree ("member_id","ordered_at");