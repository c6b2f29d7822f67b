using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace StoreStock.Bench.Alerts;

/// <summary>
/// The chain the check runs over, loaded with COPY: stores in regions of ten, each with its own shop floor and a store
/// manager; products (a fifth with a low line of 5, a few store overrides); one stock row per (store, product); and
/// daily sales over the past days plus part of today. Deterministic (fixed seed). Most products sell a few units on
/// some days, at a rate of their own; one in ten sells nothing. Stock is written straight into the level rows: the
/// ledger is not what this measures.
/// </summary>
public static class ChainData
{
    public sealed record Loaded(long StockRows, long SalesRows);

    public static async Task<Loaded> LoadAsync(NpgsqlDataSource db, AlertBenchOptions options, DateOnly today, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync("""
            insert into region (code, name) select 'R' || r, '区域' || r from generate_series(1, @regions) r;
            insert into location (code, name, kind, region_id)
                select 'S' || s || '-F', '门店' || s || ' 卖场', 'store_floor', (s - 1) / 10 + 1 from generate_series(1, @stores) s;
            insert into store (code, name, region_id, selling_location_id)
                select 'S' || s, '门店' || s, (s - 1) / 10 + 1, s from generate_series(1, @stores) s;
            insert into app_user (username, display_name, password_hash, role, store_id)
                select 's' || s || '.manager', '店长' || s, 'x', 'store_manager', s from generate_series(1, @stores) s;
            insert into category (code, name) values ('C1', '饮料');
            insert into product (sku, name, unit, category_id, cost_price, sale_price, low_stock_line, created_at, updated_at)
                select 'P' || p, '商品 ' || p, '个', 1, 3, 5, case when p % 5 = 0 then 5 else 0 end, now(), now() from generate_series(1, @products) p;
            insert into store_product_policy (store_id, product_id, low_stock_line, overstock_days)
                select s, p, 8, 20 from generate_series(1, @stores) s, generate_series(1, @products) p where (s * 7 + p) % 100 = 0;
            """, new { regions = (options.Stores + 9) / 10, options.Stores, options.Products });

        // Binary COPY row by row is CPU-bound client work: written synchronously on a worker thread, it is several times faster.
        var (stockRows, salesRows) = await Task.Run(() => Copy(connection, options, today), ct);
        await connection.ExecuteAsync("vacuum analyze");
        return new Loaded(stockRows, salesRows);
    }

    private static (long StockRows, long SalesRows) Copy(NpgsqlConnection connection, AlertBenchOptions options, DateOnly today)
    {
        var random = new Random(20261122);
        var rates = new double[options.Stores + 1, options.Products + 1];
        // Last moved an hour ago, before the previous check: the periodic check then sees only what moves during the run.
        var updatedAt = TimeProvider.System.GetUtcNow().AddHours(-1);
        long stockRows = 0, salesRows = 0;
        using (var stock = connection.BeginBinaryImport(
            "copy stock_level (location_id, product_id, on_hand, reserved, in_transit, avg_cost, updated_at) from stdin (format binary)"))
        {
            for (var s = 1; s <= options.Stores; s++)
            {
                for (var p = 1; p <= options.Products; p++)
                {
                    // Chance of selling on a given day (1–3 units, 2 on average); a tenth of the pairs never sell.
                    var rate = random.NextDouble() < 0.1 ? 0 : 0.05 + random.NextDouble() * 0.45;
                    rates[s, p] = rate;
                    var onHand = random.NextDouble() < 0.001 ? -random.Next(1, 4) : (int)Math.Round(rate * 2 * random.Next(1, 32)) + random.Next(0, 3);
                    stock.StartRow();
                    stock.Write(s, NpgsqlDbType.Integer);
                    stock.Write(p, NpgsqlDbType.Integer);
                    stock.Write((decimal)onHand, NpgsqlDbType.Numeric);
                    stock.Write(onHand > 2 && random.NextDouble() < 0.05 ? 1m : 0m, NpgsqlDbType.Numeric);
                    stock.Write(0m, NpgsqlDbType.Numeric);
                    stock.Write(3m, NpgsqlDbType.Numeric);
                    stock.Write(updatedAt, NpgsqlDbType.TimestampTz);
                    stockRows++;
                }
            }

            stock.Complete();
        }

        // Day by day, as a running chain records them: past days, then today with half the chance (the day is under way).
        using (var sales = connection.BeginBinaryImport("copy sales_daily (location_id, product_id, day, sold) from stdin (format binary)"))
        {
            for (var d = options.Days; d >= 0; d--)
            {
                for (var s = 1; s <= options.Stores; s++)
                {
                    for (var p = 1; p <= options.Products; p++)
                    {
                        if (random.NextDouble() < rates[s, p] * (d == 0 ? 0.5 : 1))
                        {
                            sales.StartRow();
                            sales.Write(s, NpgsqlDbType.Integer);
                            sales.Write(p, NpgsqlDbType.Integer);
                            sales.Write(today.AddDays(-d), NpgsqlDbType.Date);
                            sales.Write((decimal)random.Next(1, 4), NpgsqlDbType.Numeric);
                            salesRows++;
                        }
                    }
                }
            }

            sales.Complete();
        }

        return (stockRows, salesRows);
    }
}
