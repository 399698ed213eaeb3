DROP INDEX "member_funnel_facts_joined";--> statement-breakpoint
CREATE INDEX "member_events_invites" ON "member_events" USING btree ("tenant_id","occurred_at","member_id","data") WHERE type = 'fission.invite_valid';--> statement-breakpoint
CREATE INDEX "member_funnel_facts_joined" ON "member_funnel_facts" USING btree ("tenant_id","joined_at","member_id");