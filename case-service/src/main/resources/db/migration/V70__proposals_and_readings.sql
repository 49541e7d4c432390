-- What the recipients put to the reporter for a decision (a referral needing consent,
-- minutes for approval) and the reporter's decision. The proposal's reason, the minutes
-- and the decision's comment are sealed items (case_item); only the step, the hotline,
-- the decision and the days are plain: they are what the consent guard checks.
create table case_proposal (
    item_id          uuid primary key references case_item (id) on delete cascade,
    case_id          uuid        not null references case_file (id) on delete cascade,
    organisation_id  uuid        not null references organisation (id),
    kind             varchar(16) not null check (kind in ('REFERRAL', 'MINUTES')),
    event            varchar(32),
    hotline_id       uuid references hotline (id),
    proposed_on      date        not null,
    decision         varchar(24) check (decision in ('AGREED', 'DECLINED', 'APPROVED', 'CORRECTIONS_REQUESTED')),
    decided_on       date,
    decision_item_id uuid references case_item (id) on delete cascade,
    check ((kind = 'REFERRAL') = (event is not null)),
    check ((decision is null) = (decided_on is null) and (decision is null) = (decision_item_id is null))
);
create index case_proposal_case on case_proposal (case_id);

-- How many of the reporter's items and attachments each recipient account has seen: a
-- count, never a time (the inbox marks news from the reporter with it).
create table case_reading (
    case_id             uuid    not null references case_file (id) on delete cascade,
    organisation_id     uuid    not null references organisation (id),
    account_id          uuid    not null references account (id) on delete cascade,
    reporter_items_seen integer not null check (reporter_items_seen >= 0),
    primary key (case_id, account_id)
);
