-- The periodic alert check looks up today's sales of each pair it evaluates: keyed by day first, today's entries sit
-- together at the end of the index (and stay in memory) instead of one in every 31 leaf entries of the primary key.
-- It also serves everything the index on day alone did.
create index sales_daily_day_pair on sales_daily (day, location_id, product_id);
drop index sales_daily_day;

-- An open alert's figures follow its stock, so most checks rewrite a few thousand alerts without touching an indexed
-- column: a little room on each page lets those be heap-only updates, without new entries in the alert indexes (more
-- room would make the table larger than the checks' lookups can keep in memory).
alter table stock_alert set (fillfactor = 90);
