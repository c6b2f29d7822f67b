-- Every callback WeCom posted that passed the signature, corp id and time checks, stored before the 200 goes back.
-- dedup_key makes a redelivered callback (WeCom retries up to three times) a no-op: a click's ResponseCode is unique
-- per click; other events fall back to the sender, time and event fields.
create table wecom_callback_event (
    id            bigint      generated always as identity primary key,
    dedup_key     text        not null unique,
    received_at   timestamptz not null,
    from_user     text        not null,
    create_time   timestamptz not null,
    msg_type      text        not null,
    event         text,
    event_key     text,
    task_id       text,
    response_code text,
    content       text        not null,
    -- pending: a click waiting for the processor; processed: handled once; ignored: an event StoreStock does not act
    -- on; failed: processing threw repeatedly.
    status        text        not null check (status in ('pending', 'processed', 'ignored', 'failed')),
    attempts      int         not null default 0,
    processed_at  timestamptz,
    -- What the click did (completed, already_done, reassigned, …) and the text its card now shows.
    result        text,
    card_text     text,
    card_updated  boolean,
    last_error    text
);
create index wecom_callback_event_pending on wecom_callback_event (id) where status = 'pending';
