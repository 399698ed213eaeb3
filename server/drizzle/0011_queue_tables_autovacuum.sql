-- The two queue tables rewrite every row once (an event's `processed` mark, a message's `sent` mark), so their dead rows
-- pile up fast, in the partial indexes the worker claims from. Vacuum and analyze them after 2 % of their rows changed
-- rather than PostgreSQL's 20 %, so a claim keeps walking a short index and plans from fresh statistics.
ALTER TABLE "inbound_events" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);--> statement-breakpoint
ALTER TABLE "outbound_messages" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);
