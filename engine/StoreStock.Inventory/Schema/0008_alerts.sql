-- Stock alerts (库存预警): low stock, overstock (suggest a promotion), no sale for days, negative stock.
-- An alert belongs to a store; a shared selling location (一盘货) gives each of its stores its own alert, because each
-- store has its own policy overrides and its own manager to tell.
create table stock_alert (
    id                bigint generated always as identity primary key,
    store_id          int            not null references store (id),
    location_id       int            not null references location (id),
    product_id        int            not null references product (id),
    kind              text           not null check (kind in ('low_stock', 'overstock', 'no_sale', 'negative_stock')),
    status            text           not null default 'open' check (status in ('open', 'acknowledged', 'resolved')),
    -- Figures at detection, refreshed while the alert stays open.
    available         numeric(14, 3) not null,
    on_hand           numeric(14, 3) not null,
    low_line          numeric(14, 3) not null,
    overstock_days    int            not null,
    avg_daily_sales   numeric(14, 3) not null,
    days_without_sale int,
    opened_at         timestamptz    not null,
    updated_at        timestamptz    not null,
    last_notified_at  timestamptz,
    acknowledged_by   text,
    acknowledged_at   timestamptz,
    resolved_at       timestamptz,
    check ((status = 'resolved') = (resolved_at is not null)),
    check ((status = 'acknowledged') <= (acknowledged_at is not null))
);
-- One alert per (store, product, kind) until it is resolved; a later recurrence opens a new one.
create unique index stock_alert_one_open on stock_alert (store_id, product_id, kind) where status <> 'resolved';
create index stock_alert_due on stock_alert (last_notified_at nulls first) where status = 'open';
create index stock_alert_store_opened on stock_alert (store_id, opened_at desc);

-- Sales per (location, product) over the 7 and 30 complete business days before as_of, rebuilt once per business
-- day from sales_daily, so a check reads one row per pair instead of 30. Derived data: unlogged (a crash empties it,
-- and the empty build marker below makes the next check rebuild it).
create unlogged table sales_summary (
    location_id   int            not null,
    product_id    int            not null,
    sold_7d       numeric(14, 3) not null,
    sold_30d      numeric(14, 3) not null,
    last_sold_day date,
    primary key (location_id, product_id)
);

create unlogged table sales_summary_build (
    as_of    date        not null,
    built_at timestamptz not null
);
