-- Sold quantity per location, product and business day (China), kept by the database as sales are recorded, so
-- alerts and replenishment read days instead of every sale move. Undone redemptions count negative, as in the ledger.
create table sales_daily (
    location_id int            not null references location (id),
    product_id  int            not null references product (id),
    day         date           not null,
    sold        numeric(14, 3) not null,
    primary key (location_id, product_id, day)
);
create index sales_daily_day on sales_daily (day);

-- One statement per insert into stock_move, however many moves it carries (a till batch, a COPY of history).
-- Writers already hold the level row of each (location, product) they move, so these upserts never deadlock.
create function sales_daily_add() returns trigger language plpgsql as $$
begin
    insert into sales_daily (location_id, product_id, day, sold)
    select location_id, product_id, (occurred_at at time zone 'Asia/Shanghai')::date, -sum(on_hand_delta)
    from inserted
    where kind in ('sale', 'groupbuy_redemption', 'groupbuy_undo') and on_hand_delta <> 0
    group by 1, 2, 3
    order by 1, 2, 3
    on conflict (location_id, product_id, day) do update set sold = sales_daily.sold + excluded.sold;
    return null;
end $$;
create trigger stock_move_sales_daily after insert on stock_move
    referencing new table as inserted for each statement execute function sales_daily_add();

insert into sales_daily (location_id, product_id, day, sold)
select location_id, product_id, (occurred_at at time zone 'Asia/Shanghai')::date, -sum(on_hand_delta)
from stock_move
where kind in ('sale', 'groupbuy_redemption', 'groupbuy_undo') and on_hand_delta <> 0
group by 1, 2, 3;
