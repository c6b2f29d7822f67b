-- Stock ledger: append-only moves, and one level row per (location, product) that changes only with a move.
create table stock_level (
    location_id int            not null references location (id),
    product_id  int            not null references product (id),
    on_hand     numeric(14, 3) not null default 0,
    reserved    numeric(14, 3) not null default 0 check (reserved >= 0),
    in_transit  numeric(14, 3) not null default 0 check (in_transit >= 0),
    avg_cost    numeric(14, 4) not null default 0,
    updated_at  timestamptz    not null,
    primary key (location_id, product_id)
);

create table document (
    id             bigint generated always as identity primary key,
    number         text        not null unique,
    kind           text        not null check (kind in ('receipt', 'issue', 'write_off', 'return')),
    status         text        not null check (status in ('draft', 'submitted', 'posted', 'rejected', 'cancelled')),
    location_id    int         not null references location (id),
    reason         text check (reason in ('damaged', 'expired', 'other')),
    photo_url      text,
    note           text,
    supplier       text,
    created_by     text        not null,
    created_at     timestamptz not null,
    submitted_by   text,
    submitted_at   timestamptz,
    decided_by     text,
    decided_at     timestamptz,
    decision_note  text,
    check (kind = 'write_off' or reason is null),
    check (kind <> 'write_off' or reason is not null)
);
create index document_location_kind on document (location_id, kind, created_at desc);

create table document_line (
    document_id bigint         not null references document (id),
    line_no     int            not null,
    product_id  int            not null references product (id),
    quantity    numeric(14, 3) not null check (quantity > 0),
    unit_cost   numeric(14, 4) check (unit_cost >= 0),
    barcode     text,
    primary key (document_id, line_no),
    unique (document_id, product_id)
);

-- Daily counters behind document numbers such as RK20261121-0001.
create table document_counter (
    prefix text not null,
    day    date not null,
    last   int  not null,
    primary key (prefix, day)
);

create table stock_move (
    id               bigint generated always as identity primary key,
    location_id      int            not null references location (id),
    product_id       int            not null references product (id),
    kind             text           not null check (kind in (
        'opening_balance', 'purchase_receipt', 'return_in', 'issue', 'sale',
        'groupbuy_redemption', 'groupbuy_undo', 'write_off', 'transfer_out', 'transfer_in',
        'transfer_ship', 'stocktake_gain', 'stocktake_loss', 'reserve', 'release')),
    on_hand_delta    numeric(14, 3) not null default 0,
    reserved_delta   numeric(14, 3) not null default 0,
    in_transit_delta numeric(14, 3) not null default 0,
    unit_cost        numeric(14, 4) not null,
    document_id      bigint references document (id),
    channel          text,
    external_ref     text,
    actor            text           not null,
    occurred_at      timestamptz    not null,
    recorded_at      timestamptz    not null,
    check (on_hand_delta <> 0 or reserved_delta <> 0 or in_transit_delta <> 0)
);
create index stock_move_location_product_time on stock_move (location_id, product_id, occurred_at);
create index stock_move_time on stock_move (occurred_at);
create index stock_move_document on stock_move (document_id) where document_id is not null;

-- Moves are facts: corrections are new documents, never edits.
create function stock_move_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'stock_move is append-only: % is not allowed', tg_op;
end $$;
create trigger stock_move_append_only before update or delete or truncate on stock_move
    for each statement execute function stock_move_is_append_only();

-- A negative balance after an offline sale is recorded, and flagged for someone to look at.
create table stock_discrepancy (
    id          bigint generated always as identity primary key,
    location_id int            not null references location (id),
    product_id  int            not null references product (id),
    on_hand     numeric(14, 3) not null,
    detected_at timestamptz    not null,
    resolved_at timestamptz
);
create unique index stock_discrepancy_open on stock_discrepancy (location_id, product_id) where resolved_at is null;
