-- Workflow engine: definitions (versioned JSON), instances, bookmarks, task cards, timers, journal, incidents, outbox.
create table wf_definition (
    definition_id text        not null,
    version       int         not null check (version > 0),
    name          text        not null,
    description   text,
    is_published  boolean     not null,
    is_latest     boolean     not null,
    -- The whole definition (variables, flowchart, positions) as the designer saves it.
    body          jsonb       not null,
    created_at    timestamptz not null,
    created_by    text        not null,
    published_at  timestamptz,
    primary key (definition_id, version)
);
-- One draft at most per definition, and one latest.
create unique index wf_definition_one_draft on wf_definition (definition_id) where not is_published;
create unique index wf_definition_one_latest on wf_definition (definition_id) where is_latest;

create table wf_instance (
    id            uuid        primary key,
    definition_id text        not null,
    version       int         not null,
    status        text        not null check (status in ('running', 'suspended', 'finished', 'faulted', 'cancelled')),
    store_id      int,
    region_id     int,
    correlation   text,
    variables     jsonb       not null,
    -- Runtime state that is not a bookmark: join arrivals, the work left when a step faulted.
    state         jsonb       not null,
    started_by    text        not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    finished_at   timestamptz,
    foreign key (definition_id, version) references wf_definition (definition_id, version)
);
create index wf_instance_status on wf_instance (status, definition_id);
create index wf_instance_store on wf_instance (store_id, created_at desc);

-- Where a blocking activity waits. Deleting the row is what consumes it (exactly once).
create table wf_bookmark (
    id          uuid        primary key,
    instance_id uuid        not null references wf_instance (id) on delete cascade,
    activity_id text        not null,
    kind        text        not null,
    payload     jsonb       not null,
    created_at  timestamptz not null
);
create index wf_bookmark_instance on wf_bookmark (instance_id);

-- A task card: the human side of a UserTask or of one approval level.
create table wf_task (
    id               uuid        primary key,
    instance_id      uuid        not null references wf_instance (id) on delete cascade,
    bookmark_id      uuid        not null,
    activity_id      text        not null,
    title            text        not null,
    body             text        not null,
    form             jsonb       not null,
    outcomes         text[]      not null,
    assignee_role    text,
    assignees        text[]      not null,
    store_id         int,
    region_id        int,
    status           text        not null check (status in ('open', 'completed', 'expired', 'cancelled')),
    escalation_level int         not null default 0,
    history          jsonb       not null,
    due_at           timestamptz,
    created_at       timestamptz not null,
    completed_at     timestamptz,
    completed_by     text,
    outcome          text,
    payload          jsonb
);
create index wf_task_open_assignees on wf_task using gin (assignees) where status = 'open';
create index wf_task_instance on wf_task (instance_id);
create index wf_task_bookmark on wf_task (bookmark_id) where status = 'open';

-- Every due time (delay, remind, escalate, expire). A Quartz trigger fires it once it is near;
-- deleting the row is what consumes it, so a late or repeated trigger changes nothing.
create table wf_timer (
    id             uuid        primary key,
    instance_id    uuid        not null references wf_instance (id) on delete cascade,
    bookmark_id    uuid        not null,
    kind           text        not null check (kind in ('delay', 'remind', 'escalate', 'expire')),
    due_at         timestamptz not null,
    quartz_planned boolean     not null default false
);
create index wf_timer_unplanned on wf_timer (due_at) where not quartz_planned;
create index wf_timer_bookmark on wf_timer (bookmark_id);

create table wf_journal (
    instance_id   uuid        not null references wf_instance (id) on delete cascade,
    seq           int         not null,
    at            timestamptz not null,
    activity_id   text        not null,
    activity_type text        not null,
    event         text        not null,
    outcome       text,
    actor         text        not null,
    detail        text,
    primary key (instance_id, seq)
);

create table wf_incident (
    id          bigint generated always as identity primary key,
    instance_id uuid        not null references wf_instance (id) on delete cascade,
    activity_id text        not null,
    at          timestamptz not null,
    message     text        not null,
    resolved_at timestamptz
);
create index wf_incident_instance on wf_incident (instance_id);

-- Messages for people (task cards, reminders, escalations, notifications); delivered by the WeCom module.
create table wf_outbox (
    id          bigint generated always as identity primary key,
    instance_id uuid,
    task_id     uuid,
    kind        text        not null check (kind in ('task', 'remind', 'escalate', 'notify', 'task_closed')),
    recipient   text        not null,
    title       text        not null,
    body        text        not null,
    created_at  timestamptz not null,
    status      text        not null default 'pending' check (status in ('pending', 'sent', 'dead')),
    attempts    int         not null default 0
);
create index wf_outbox_pending on wf_outbox (id) where status = 'pending';
