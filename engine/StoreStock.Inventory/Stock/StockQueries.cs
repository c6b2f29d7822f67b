using Dapper;
using Npgsql;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Ledger;

namespace StoreStock.Inventory.Stock;

/// <summary>Stock by store, product or barcode with 7- and 30-day sales, and the move history.</summary>
public sealed class StockQueries(NpgsqlDataSource dataSource, TimeProvider time)
{
    public sealed record StockFilter(string? Store, string? Sku, string? Barcode, string? Location, int Limit = 200, int Offset = 0);

    public sealed record StockLine(
        string StoreCode, string LocationCode, string Sku, string Name, string Unit,
        decimal OnHand, decimal Reserved, decimal InTransit, decimal Available, decimal Sold7Days, decimal Sold30Days);

    public sealed record MoveFilter(string? Location, string? Sku, string? Kind, string? Channel, string? Document, DateTimeOffset? From, DateTimeOffset? To, long? Before, int Limit = 100);

    public sealed class MoveLine
    {
        public long Id { get; init; }

        public string LocationCode { get; init; } = "";

        public string Sku { get; init; } = "";

        public string Kind { get; init; } = "";

        public decimal OnHandDelta { get; init; }

        public decimal ReservedDelta { get; init; }

        public decimal InTransitDelta { get; init; }

        public decimal UnitCost { get; init; }

        public string? Document { get; init; }

        public string? Channel { get; init; }

        public string? ExternalRef { get; init; }

        public string Actor { get; init; } = "";

        public DateTimeOffset OccurredAt { get; init; }
    }

    public async Task<IReadOnlyList<StockLine>> StockAsync(Caller caller, StockFilter filter, CancellationToken cancellationToken)
    {
        var (scopeSql, scopeParameters) = ScopeGuard.StoreFilter(caller, "st.id");
        var now = time.GetUtcNow();
        var parameters = new DynamicParameters(scopeParameters);
        parameters.AddDynamicParams(new
        {
            filter.Store, filter.Sku, filter.Barcode, filter.Location, filter.Limit, filter.Offset,
            d7 = now.AddDays(-7), d30 = now.AddDays(-30), sold = MoveKind.Sold,
        });
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<StockLine>(new CommandDefinition(
            $"""
            select st.code as StoreCode, l.code as LocationCode, p.sku, p.name, p.unit,
                   sl.on_hand as OnHand, sl.reserved, sl.in_transit as InTransit, sl.on_hand - sl.reserved as Available,
                   coalesce(s.sold7, 0) as Sold7Days, coalesce(s.sold30, 0) as Sold30Days
            from store st
            join store_location x on x.store_id = st.id
            join location l on l.id = x.location_id
            join stock_level sl on sl.location_id = l.id
            join product p on p.id = sl.product_id
            left join lateral (
                select -sum(m.on_hand_delta) filter (where m.occurred_at >= @d7) as sold7, -sum(m.on_hand_delta) as sold30
                from stock_move m
                where m.location_id = sl.location_id and m.product_id = sl.product_id and m.kind = any(@sold) and m.occurred_at >= @d30) s on true
            where {scopeSql}
              and (@Store::text is null or st.code = @Store)
              and (@Location::text is null or l.code = @Location)
              and (@Sku::text is null or p.sku = @Sku)
              and (@Barcode::text is null or p.id = (select product_id from product_barcode where barcode = @Barcode))
            order by st.code, l.code, p.sku
            limit @Limit offset @Offset
            """,
            parameters,
            cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public async Task<IReadOnlyList<MoveLine>> MovesAsync(Caller caller, MoveFilter filter, CancellationToken cancellationToken)
    {
        var (locationScope, parameters) = ScopeGuard.LocationFilter(caller, "m.location_id");
        parameters.AddDynamicParams(new { filter.Location, filter.Sku, filter.Kind, filter.Channel, filter.Document, filter.From, filter.To, filter.Before, filter.Limit });
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<MoveLine>(new CommandDefinition(
            $"""
            select m.id, l.code as LocationCode, p.sku, m.kind, m.on_hand_delta as OnHandDelta, m.reserved_delta as ReservedDelta,
                   m.in_transit_delta as InTransitDelta, m.unit_cost as UnitCost, d.number as Document, m.channel,
                   m.external_ref as ExternalRef, m.actor, m.occurred_at as OccurredAt
            from stock_move m
            join location l on l.id = m.location_id
            join product p on p.id = m.product_id
            left join document d on d.id = m.document_id
            where {locationScope}
              and (@Location::text is null or l.code = @Location)
              and (@Sku::text is null or p.sku = @Sku)
              and (@Kind::text is null or m.kind = @Kind)
              and (@Channel::text is null or m.channel = @Channel)
              and (@Document::text is null or d.number = @Document)
              and (@From::timestamptz is null or m.occurred_at >= @From)
              and (@To::timestamptz is null or m.occurred_at < @To)
              and (@Before::bigint is null or m.id < @Before)
            order by m.id desc
            limit @Limit
            """,
            parameters,
            cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
