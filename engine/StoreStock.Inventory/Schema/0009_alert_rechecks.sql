-- The periodic alert check looks again only at what can have changed since the last one: stock rows that moved (their
-- updated_at) and the pairs whose policy changed (queued here by triggers, off the ledger's path). The first check of
-- each business day, when the sales summary is rebuilt, looks at everything.
create table alert_recheck (
    id         bigint generated always as identity primary key,
    store_id   int,            -- null: every store
    product_id int not null
);

create function alert_recheck_policy() returns trigger language plpgsql as $$
begin
    insert into alert_recheck (store_id, product_id)
    values (case when tg_op = 'DELETE' then old.store_id else new.store_id end,
            case when tg_op = 'DELETE' then old.product_id else new.product_id end);
    return null;
end $$;
create trigger store_product_policy_alert_recheck after insert or update or delete on store_product_policy
    for each row execute function alert_recheck_policy();

create function alert_recheck_product() returns trigger language plpgsql as $$
begin
    insert into alert_recheck (store_id, product_id) values (null, new.id);
    return null;
end $$;
create trigger product_alert_recheck after update on product
    for each row when (old.low_stock_line is distinct from new.low_stock_line
                       or old.overstock_days is distinct from new.overstock_days
                       or old.is_active is distinct from new.is_active)
    execute function alert_recheck_product();

create table alert_check_state (
    only_row   boolean     primary key default true check (only_row),
    checked_at timestamptz not null
);
