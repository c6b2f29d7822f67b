-- WeCom delivery of the outbox: when each message is next tried, who is sending it, what went wrong; the per-member
-- send log the rate limits are counted from; and every task card sent, so a closed task can update its cards.

alter table wf_outbox
    add column next_attempt_at  timestamptz,  -- null: due now
    add column lease_until      timestamptz,  -- a node is sending it until then; after that another node may
    add column first_attempt_at timestamptz,  -- kept through an HQ retry: a card resent after it may already be on the phone
    add column last_error       text,
    add column sent_at          timestamptz,
    add column note             text;         -- why a message was settled without sending (the task closed first)
create index wf_outbox_dead on wf_outbox (id) where status = 'dead';

-- One row per message sent (or possibly sent) to a member: WeCom silently drops more than 30 a minute or 1,000 an
-- hour per member, so a claim counts these first. "at" is the latest moment WeCom may have taken the message: the end
-- of the lease while it is in flight, the moment the answer came once it has.
create table wecom_send_slot (
    id        bigint generated always as identity primary key,
    userid    text        not null,
    outbox_id bigint      not null,
    at        timestamptz not null
);
create index wecom_send_slot_user on wecom_send_slot (userid, at);

-- Every template card sent: its WeCom task_id, and the response_code that may update it once.
create table wecom_card (
    wecom_task_id    text        primary key,
    outbox_id        bigint      not null,
    task_id          uuid        not null,
    userid           text        not null,
    card_type        text        not null,
    response_code    text,
    sent_at          timestamptz not null,
    code_used_at     timestamptz
);
create index wecom_card_task on wecom_card (task_id, userid);
