namespace StoreStock.Inventory.Stocktakes;

/// <summary>
/// The variance of each line, in SQL: system quantity = snapshot + the moves at the location since the snapshot,
/// up to the moment the line was counted (so sales during the count are accounted for); difference = counted −
/// system; value = difference × unit cost. Uncounted lines have no difference yet.
/// </summary>
public static class StocktakeLines
{
    /// <summary>Select over one stocktake (<c>@id</c>): product_id, sku, name, snapshot_qty, system_qty, counted_qty, difference, value, unit_cost and who counted.</summary>
    public const string VarianceSql = """
        with line as (
            select l.*, p.sku, p.name,
                   l.snapshot_qty + coalesce((select sum(m.on_hand_delta) from stock_move m
                                              where m.location_id = t.location_id and m.product_id = l.product_id
                                                and m.id > t.snapshot_move_id and m.id <= coalesce(l.counted_move_id, 9223372036854775807)), 0) as system_qty
            from stocktake t
            join stocktake_line l on l.stocktake_id = t.id
            join product p on p.id = l.product_id
            where t.id = @id
        )
        select product_id as ProductId, sku, name, snapshot_qty as SnapshotQuantity, system_qty as SystemQuantity,
               counted_qty as Counted, counted_qty - system_qty as Difference,
               round((counted_qty - system_qty) * unit_cost, 2) as Value, unit_cost as UnitCost,
               counted_by as CountedBy, counted_at as CountedAt, recount as Recount
        from line
        """;
}

/// <summary>One line with its variance, as <see cref="StocktakeLines.VarianceSql"/> selects it.</summary>
public sealed record VarianceLine(
    int ProductId, string Sku, string Name, decimal SnapshotQuantity, decimal SystemQuantity, decimal? Counted, decimal? Difference,
    decimal? Value, decimal UnitCost, string? CountedBy, DateTimeOffset? CountedAt, bool Recount)
{
    public bool Differs => Difference is { } d && d != 0;
}

/// <summary>Totals of a count: value gained, value lost (as a positive amount), and their sum as the size of the variance.</summary>
public sealed record VarianceTotals(decimal GainValue, decimal LossValue, int DifferingLines)
{
    public decimal NetValue => GainValue - LossValue;

    /// <summary>Gain plus loss: a count whose gains hide its losses still shows how far off it was.</summary>
    public decimal AbsoluteValue => GainValue + LossValue;

    public static VarianceTotals Of(IEnumerable<VarianceLine> lines)
    {
        var list = lines.ToList();
        return new VarianceTotals(
            list.Where(l => l.Value > 0).Sum(l => l.Value!.Value),
            -list.Where(l => l.Value < 0).Sum(l => l.Value!.Value),
            list.Count(l => l.Differs));
    }
}
