-- Stocktakes 盘点: per-store schedules (Quartz cron), counts with a snapshot, and their lines.
create table stocktake_schedule (
    id                 int generated always as identity primary key,
    store_id           int         not null references store (id),
    name               text        not null,
    cron               text        not null,
    time_zone          text        not null default 'Asia/Shanghai',
    scope_kind         text        not null check (scope_kind in ('store', 'categories', 'products')),
    scope_ids          int[]       not null default '{}',
    blind              boolean     not null default false,
    -- ISO 8601 durations from the moment the count opens: due (escalate to the manager), then missed.
    count_deadline     text        not null default 'PT24H',
    missed_after       text        not null default 'PT48H',
    enabled            boolean     not null default true,
    consecutive_missed int         not null default 0,
    -- A deleted schedule keeps its row for the counts it made; it never fires again.
    deleted_at         timestamptz,
    created_by         text        not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
create index stocktake_schedule_store on stocktake_schedule (store_id);

create table stocktake (
    id               bigint generated always as identity primary key,
    number           text        not null unique,
    store_id         int         not null references store (id),
    location_id      int         not null references location (id),
    scope_kind       text        not null check (scope_kind in ('store', 'categories', 'products')),
    scope_ids        int[]       not null default '{}',
    blind            boolean     not null,
    -- A rejected count goes back to 'counting' for a recount of its flagged lines (round + 1).
    status           text        not null check (status in ('counting', 'submitted', 'posted', 'missed', 'cancelled')),
    round            int         not null default 1,
    snapshot_at      timestamptz not null,
    -- The last stock move that the snapshot includes: later moves at the location are "moves since the snapshot".
    snapshot_move_id bigint      not null,
    deadline         timestamptz,
    schedule_id      int references stocktake_schedule (id),
    scheduled_for    timestamptz,
    instance_id      uuid unique,
    created_by       text        not null,
    submitted_by     text,
    submitted_at     timestamptz,
    posted_by        text,
    posted_at        timestamptz,
    gain_value       numeric(14, 2),
    loss_value       numeric(14, 2),
    -- One count per firing of a schedule, however often the firing is delivered.
    unique (schedule_id, scheduled_for),
    check ((schedule_id is null) = (scheduled_for is null))
);
create index stocktake_store_status on stocktake (store_id, status);

create table stocktake_line (
    stocktake_id     bigint         not null references stocktake (id),
    product_id       int            not null references product (id),
    snapshot_qty     numeric(14, 3) not null,
    unit_cost        numeric(14, 4) not null,
    counted_qty      numeric(14, 3) check (counted_qty >= 0),
    -- The last stock move already made when the line was counted: sales up to then are in the system quantity.
    counted_move_id  bigint,
    counted_by       text,
    counted_at       timestamptz,
    recount          boolean        not null default false,
    primary key (stocktake_id, product_id)
);
