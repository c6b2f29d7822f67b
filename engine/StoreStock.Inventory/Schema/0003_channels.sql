-- Every external write is idempotent: the first answer is kept and replayed.
create table idempotency_record (
    scope        text        not null,
    key          text        not null,
    request_hash bytea       not null,
    status_code  int         not null,
    response     json        not null,
    created_at   timestamptz not null,
    primary key (scope, key)
);

create table online_order (
    id          bigint generated always as identity primary key,
    channel     text        not null,
    external_id text        not null,
    store_id    int         not null references store (id),
    location_id int         not null references location (id),
    status      text        not null check (status in ('reserved', 'fulfilled', 'cancelled', 'expired')),
    reserved_at timestamptz not null,
    expires_at  timestamptz not null,
    closed_at   timestamptz,
    unique (channel, external_id)
);
create index online_order_open_expiry on online_order (expires_at) where status = 'reserved';

create table online_order_line (
    order_id   bigint         not null references online_order (id),
    product_id int            not null references product (id),
    quantity   numeric(14, 3) not null check (quantity > 0),
    primary key (order_id, product_id)
);

create table groupbuy_redemption (
    id          bigint generated always as identity primary key,
    channel     text        not null,
    voucher     text        not null,
    store_id    int         not null references store (id),
    location_id int         not null references location (id),
    status      text        not null check (status in ('redeemed', 'undone')),
    redeemed_at timestamptz not null,
    undone_at   timestamptz,
    unique (channel, voucher)
);

create table groupbuy_redemption_line (
    redemption_id bigint         not null references groupbuy_redemption (id),
    product_id    int            not null references product (id),
    quantity      numeric(14, 3) not null check (quantity > 0),
    primary key (redemption_id, product_id)
);
