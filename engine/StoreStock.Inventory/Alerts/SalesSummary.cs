using Dapper;
using Npgsql;

namespace StoreStock.Inventory.Alerts;

/// <summary>
/// Keeps <c>sales_summary</c>: per (location, product), what sold over the 7 and 30 complete business days before
/// today and the last day it sold, rebuilt from <c>sales_daily</c> by one statement when the business day (China) has
/// changed since the last build. A check then joins one summary row per stock row instead of summing 30 days.
/// </summary>
public static class SalesSummary
{
    public const string BuiltForToday = "select exists (select 1 from sales_summary_build where as_of = (@now at time zone 'Asia/Shanghai')::date)";

    /// <summary>Rebuilds the summary in the caller's transaction unless it is already built for today; returns whether it rebuilt.</summary>
    public static async Task<bool> RefreshAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var builtForToday = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            BuiltForToday, new { now }, transaction, cancellationToken: cancellationToken));
        if (builtForToday)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            truncate sales_summary;
            insert into sales_summary (location_id, product_id, sold_7d, sold_30d, last_sold_day)
            select location_id, product_id,
                   coalesce(sum(sold) filter (where day >= (@now at time zone 'Asia/Shanghai')::date - 7), 0), sum(sold),
                   max(day) filter (where sold > 0)
            from sales_daily
            where day >= (@now at time zone 'Asia/Shanghai')::date - 30 and day < (@now at time zone 'Asia/Shanghai')::date
            group by location_id, product_id;
            delete from sales_summary_build;
            insert into sales_summary_build (as_of, built_at) values ((@now at time zone 'Asia/Shanghai')::date, @now);
            analyze sales_summary;
            """,
            new { now }, transaction, AlertCheck.CommandTimeoutSeconds, cancellationToken: cancellationToken));
        return true;
    }
}
