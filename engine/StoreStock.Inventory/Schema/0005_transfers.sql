-- Transfers between locations (调拨单 DB…): a header that follows the workflow's stages, and lines whose discrepancy
-- (received − shipped) is kept where the receipt recorded it.
create table transfer (
    id                   bigint generated always as identity primary key,
    number               text           not null unique,
    status               text           not null check (status in ('requested', 'approved', 'shipped', 'received', 'rejected', 'cancelled', 'short')),
    from_location_id     int            not null references location (id),
    -- Null when the source is not a store's location (the central warehouse).
    from_store_id        int references store (id),
    to_store_id          int            not null references store (id),
    to_location_id       int            not null references location (id),
    total_value          numeric(16, 2) not null,
    cross_region         boolean        not null,
    workflow_instance_id uuid           not null unique,
    note                 text,
    requested_by         text           not null,
    requested_at         timestamptz    not null,
    -- Set when the requested quantities were reserved at the source; a release or the shipment gives them back.
    reserved_at          timestamptz,
    decided_by           text,
    decided_at           timestamptz,
    shipped_by           text,
    shipped_at           timestamptz,
    received_by          text,
    received_at          timestamptz,
    closed_at            timestamptz,
    check (from_location_id <> to_location_id)
);
create index transfer_from_store on transfer (from_store_id, requested_at desc);
create index transfer_to_store on transfer (to_store_id, requested_at desc);

create table transfer_line (
    transfer_id bigint         not null references transfer (id),
    line_no     int            not null,
    product_id  int            not null references product (id),
    requested   numeric(14, 3) not null check (requested > 0),
    shipped     numeric(14, 3) check (shipped >= 0 and shipped <= requested),
    received    numeric(14, 3) check (received >= 0),
    unit_cost   numeric(14, 4) not null check (unit_cost >= 0),
    discrepancy numeric(14, 3) generated always as (received - shipped) stored,
    primary key (transfer_id, line_no),
    unique (transfer_id, product_id)
);
