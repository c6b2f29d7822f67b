using Dapper;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Data;
using StoreStock.Inventory.Ledger;

namespace StoreStock.Inventory.WriteOffs;

/// <summary>One row of the write-off report: a reason, product, store or period, and what was written off.</summary>
public sealed record WriteOffReportRow(string Key, string Label, long Documents, decimal Quantity, decimal Value);

public sealed record WriteOffReportView(string GroupBy, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<WriteOffReportRow> Rows, decimal TotalQuantity, decimal TotalValue);

/// <summary>
/// 报损统计: posted write-offs grouped by reason, product, store or period (day, week, month in China time), valued at
/// the cost each move was posted with, within the caller's scope.
/// </summary>
public sealed class WriteOffReport(InventoryDatabase database, TimeProvider time)
{
    private const string Local = "(m.occurred_at at time zone 'Asia/Shanghai')";

    /// <summary>Key and label SQL per grouping.</summary>
    private static readonly Dictionary<string, (string Key, string Label)> Groupings = new(StringComparer.Ordinal)
    {
        ["reason"] = ("d.reason", "case d.reason when 'damaged' then '破损' when 'expired' then '过期' else '其他' end"),
        ["product"] = ("p.sku", "p.name"),
        ["store"] = ("coalesce(s.code, l.code)", "coalesce(s.name, l.name)"),
        ["day"] = ($"to_char({Local}, 'YYYY-MM-DD')", $"to_char({Local}, 'YYYY-MM-DD')"),
        ["week"] = ($"to_char({Local}, 'IYYY-\"W\"IW')", $"to_char({Local}, 'IYYY-\"W\"IW')"),
        ["month"] = ($"to_char({Local}, 'YYYY-MM')", $"to_char({Local}, 'YYYY-MM')"),
    };

    public static IReadOnlyCollection<string> GroupByOptions => Groupings.Keys;

    public async Task<Outcome<WriteOffReportView>> RunAsync(
        Caller caller, string? groupBy, DateTimeOffset? from, DateTimeOffset? to, string? storeCode, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        groupBy ??= "reason";
        if (!Groupings.TryGetValue(groupBy, out var grouping))
        {
            errors.Add("groupBy", $"must be one of: {string.Join(", ", Groupings.Keys)}");
        }

        // By default the period ends with today, so today's write-offs are in it.
        var until = (to ?? Shared.BusinessDay.EndOf(time.GetUtcNow())).ToUniversalTime();
        var since = (from ?? until.AddDays(-30)).ToUniversalTime();
        if (since >= until)
        {
            errors.Add("from", "must be before to");
        }
        else if (until - since > TimeSpan.FromDays(366))
        {
            errors.Add("from", "the period may be at most one year");
        }

        if (errors.Any)
        {
            return errors;
        }

        var (scopeSql, parameters) = ScopeGuard.LocationFilter(caller, "m.location_id");
        parameters.AddDynamicParams(new { kind = MoveKind.WriteOff, since, until, storeCode });
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<WriteOffReportRow>(
            $"""
            select {grouping.Key} as Key, {grouping.Label} as Label, count(distinct d.id) as Documents,
                   sum(-m.on_hand_delta) as Quantity, round(sum(-m.on_hand_delta * m.unit_cost), 2) as Value
            from stock_move m
            join document d on d.id = m.document_id
            join product p on p.id = m.product_id
            join location l on l.id = m.location_id
            left join lateral (select st.code, st.name from store_location x join store st on st.id = x.store_id
                               where x.location_id = m.location_id order by st.id limit 1) s on true
            where m.kind = @kind and m.occurred_at >= @since and m.occurred_at < @until and {scopeSql}
              and (@storeCode::text is null or s.code = @storeCode)
            group by 1, 2
            order by Value desc, Key
            """,
            parameters)).ToList();
        return new WriteOffReportView(groupBy, since, until, rows, rows.Sum(r => r.Quantity), rows.Sum(r => r.Value));
    }
}
