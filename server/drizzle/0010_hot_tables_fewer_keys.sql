ALTER TABLE "inbound_events" DROP CONSTRAINT "inbound_events_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "outbound_messages" DROP CONSTRAINT "outbound_messages_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "sandbox_messages" DROP CONSTRAINT "sandbox_messages_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "sandbox_messages" DROP CONSTRAINT "sandbox_messages_platform_account_id_platform_accounts_id_fk";
--> statement-breakpoint
DROP INDEX "sandbox_messages_group";--> statement-breakpoint
DROP INDEX "sandbox_messages_private";--> statement-breakpoint
CREATE INDEX "sandbox_messages_group" ON "sandbox_messages" USING btree ("group_id","id") WHERE group_id is not null;--> statement-breakpoint
CREATE INDEX "sandbox_messages_private" ON "sandbox_messages" USING btree ("member_user_id","id") WHERE member_user_id is not null;