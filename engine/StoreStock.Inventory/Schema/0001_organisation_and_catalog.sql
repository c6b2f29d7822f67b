-- Organisation: regions, stock locations, stores and the channel each store deducts from.
create table region (
    id   int generated always as identity primary key,
    code text not null unique,
    name text not null
);

create table location (
    id        int generated always as identity primary key,
    code      text not null unique,
    name      text not null,
    kind      text not null check (kind in ('central_warehouse', 'regional_warehouse', 'store_backroom', 'store_floor', 'shared_pool')),
    region_id int references region (id)
);

create table store (
    id                   int generated always as identity primary key,
    code                 text not null unique,
    name                 text not null,
    region_id            int  not null references region (id),
    -- Several stores may point at one selling location: a shared stock pool (一盘货).
    selling_location_id  int  not null references location (id),
    backroom_location_id int references location (id),
    address              text,
    is_active            boolean not null default true
);

create table store_channel (
    store_id    int  not null references store (id),
    channel     text not null check (channel in ('pos', 'mini_program', 'douyin', 'meituan', 'wechat_groupbuy')),
    location_id int  not null references location (id),
    primary key (store_id, channel)
);

-- Which locations a store's staff may see and act on.
create view store_location as
    select id as store_id, selling_location_id as location_id from store
    union
    select id, backroom_location_id from store where backroom_location_id is not null
    union
    select store_id, location_id from store_channel;

-- Catalog (商品建档).
create table category (
    id   int generated always as identity primary key,
    code text not null unique,
    name text not null unique
);

create table product (
    id              int generated always as identity primary key,
    sku             text           not null unique,
    name            text           not null,
    spec            text,
    unit            text           not null,
    category_id     int            not null references category (id),
    cost_price      numeric(12, 2) not null check (cost_price >= 0),
    sale_price      numeric(12, 2) not null check (sale_price >= 0),
    shelf_life_days int check (shelf_life_days > 0),
    -- Stock policy defaults; store_product_policy overrides them per store.
    low_stock_line  numeric(14, 3) not null default 0 check (low_stock_line >= 0),
    overstock_days  int            not null default 30 check (overstock_days > 0),
    safety_stock    numeric(14, 3) not null default 0 check (safety_stock >= 0),
    lead_time_days  int            not null default 2 check (lead_time_days >= 0),
    order_multiple  numeric(14, 3) not null default 1 check (order_multiple > 0),
    is_active       boolean        not null default true,
    created_at      timestamptz    not null,
    updated_at      timestamptz    not null
);

create table product_barcode (
    barcode    text not null primary key,
    product_id int  not null references product (id) on delete cascade,
    kind       text not null check (kind in ('ean13', 'ean8', 'upca', 'internal'))
);
create index product_barcode_product on product_barcode (product_id);

create table store_product_policy (
    store_id       int not null references store (id),
    product_id     int not null references product (id),
    low_stock_line numeric(14, 3) check (low_stock_line >= 0),
    overstock_days int check (overstock_days > 0),
    safety_stock   numeric(14, 3) check (safety_stock >= 0),
    lead_time_days int check (lead_time_days >= 0),
    order_multiple numeric(14, 3) check (order_multiple > 0),
    primary key (store_id, product_id)
);

-- People and integrations.
create table app_user (
    id            int generated always as identity primary key,
    username      text    not null unique,
    display_name  text    not null,
    password_hash text    not null,
    role          text    not null check (role in ('hq_admin', 'regional_supervisor', 'store_manager', 'clerk')),
    region_id     int references region (id),
    store_id      int references store (id),
    wecom_user_id text,
    is_active     boolean not null default true,
    -- The scope follows from the role: HQ has none, a supervisor a region, store staff a store.
    check ((role = 'hq_admin' and region_id is null and store_id is null)
        or (role = 'regional_supervisor' and region_id is not null and store_id is null)
        or (role in ('store_manager', 'clerk') and store_id is not null and region_id is null))
);

create table api_key (
    id         int generated always as identity primary key,
    name       text        not null,
    key_prefix text        not null unique,
    key_hash   bytea       not null,
    channels   text[]      not null,
    store_ids  int[]       not null,
    created_at timestamptz not null,
    revoked_at timestamptz
);
