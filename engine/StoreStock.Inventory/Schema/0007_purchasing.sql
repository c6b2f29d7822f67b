-- Replenishment (补货) and purchase orders (采购单).

-- Demand multiplier per category and month; a missing row means 1.
create table seasonal_factor (
    category_id int           not null references category (id),
    month       int           not null check (month between 1 and 12),
    factor      numeric(6, 3) not null check (factor > 0 and factor <= 10),
    primary key (category_id, month)
);

-- How a store replenishes; a store without a row reviews daily and buys from suppliers.
create table replenishment_setting (
    store_id           int  primary key references store (id),
    review_period_days int  not null default 1 check (review_period_days between 0 and 90),
    source             text not null default 'supplier' check (source in ('supplier', 'central_warehouse')),
    source_location_id int references location (id),
    check (source = 'supplier' or source_location_id is not null)
);

create table purchase_order (
    id          bigint generated always as identity primary key,
    number      text           not null unique,
    store_id    int            not null references store (id),
    -- Where the goods are received: the store's back room, or its floor when it has none.
    location_id int            not null references location (id),
    status      text           not null check (status in (
        'draft', 'confirmed', 'approved', 'ordered', 'partially_received', 'received', 'rejected', 'cancelled')),
    total_value numeric(14, 2) not null default 0,
    instance_id uuid,
    -- The business day (China) of the run that drafted it: one purchase order per store and day.
    run_day     date           not null,
    trigger     text           not null,
    created_by  text           not null,
    created_at  timestamptz    not null,
    updated_at  timestamptz    not null,
    confirmed_by text,
    approved_by text,
    ordered_at  timestamptz,
    unique (store_id, run_day)
);
create index purchase_order_store_status on purchase_order (store_id, status);
create index purchase_order_instance on purchase_order (instance_id) where instance_id is not null;
create index purchase_order_open on purchase_order (store_id)
    where status in ('draft', 'confirmed', 'approved', 'ordered', 'partially_received');

create table purchase_order_line (
    purchase_order_id  bigint         not null references purchase_order (id),
    product_id         int            not null references product (id),
    suggested_quantity numeric(14, 3) not null check (suggested_quantity >= 0),
    ordered_quantity   numeric(14, 3) not null check (ordered_quantity >= 0),
    received_quantity  numeric(14, 3) not null default 0 check (received_quantity >= 0 and received_quantity <= ordered_quantity),
    unit_cost          numeric(14, 4) not null check (unit_cost >= 0),
    primary key (purchase_order_id, product_id)
);
