-- The pairs whose available stock moved since the last alert check, queued by the insert that records the moves (one
-- statement per ledger write, however many moves it carries). The periodic check takes them out as it reads them,
-- so a write that commits while a check runs is simply there for the next one.
create table alert_moved (
    location_id int not null,
    product_id  int not null
);

create function alert_moved_add() returns trigger language plpgsql as $$
begin
    insert into alert_moved (location_id, product_id)
    select distinct location_id, product_id from inserted where on_hand_delta <> 0 or reserved_delta <> 0;
    return null;
end $$;
create trigger stock_move_alert_moved after insert on stock_move
    referencing new table as inserted for each statement execute function alert_moved_add();
