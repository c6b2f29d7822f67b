using Dapper;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Catalog.Import;
using StoreStock.Inventory.Catalog.Spreadsheets;
using StoreStock.Inventory.Data;

using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Catalog.Export;

/// <summary>Current stock per location and product, limited to the locations in the caller's scope (invariant 8).</summary>
public sealed class ExportStock(InventoryDatabase database, ScopeGuard scope, TimeProvider time)
{
    public async Task<Outcome<ExportFile>> ExecuteAsync(
        Caller caller, SheetFormat format, HeaderLanguage language, string? locationCode, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var (scopeSql, parameters) = ScopeGuard.LocationFilter(caller, "s.location_id");
        var conditions = new List<string> { scopeSql };
        if (!string.IsNullOrWhiteSpace(locationCode))
        {
            var locationId = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
                "select id from location where code = @code", new { code = locationCode.Trim() }, cancellationToken: cancellationToken));
            if (locationId is null)
            {
                return Failure.NotFound($"There is no location with code '{locationCode}'.");
            }

            if (!await scope.CanAccessLocationAsync(caller, locationId.Value, cancellationToken))
            {
                return Failure.Forbidden($"Location {locationCode} is outside your scope.");
            }

            conditions.Add("s.location_id = @locationId");
            parameters.Add("locationId", locationId.Value);
        }

        var rows = await connection.QueryAsync<StockRow>(new CommandDefinition(
            $"""
            select l.code as Location, l.name as LocationName, p.sku as Sku, p.name as Name,
                   s.on_hand as OnHand, s.reserved as Reserved, s.in_transit as InTransit, s.on_hand - s.reserved as Available
            from stock_level s
            join location l on l.id = s.location_id
            join product p on p.id = s.product_id
            where {string.Join(" and ", conditions)}
            order by l.code, p.sku
            """,
            parameters,
            cancellationToken: cancellationToken));
        var headers = StockColumns.All.Select(c => c.Header(language)).ToList();
        return SheetWriter.Write(
            format,
            ExportFileName.For("stock", time),
            headers,
            rows.Select(r => new object?[] { r.Location, r.LocationName, r.Sku, r.Name, r.OnHand, r.Reserved, r.InTransit, r.Available }));
    }

    private sealed record StockRow(string Location, string LocationName, string Sku, string Name, decimal OnHand, decimal Reserved, decimal InTransit, decimal Available);
}
