using Dapper;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Data;
using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Transfers;

/// <summary>
/// Checks a transfer request and resolves its codes, before any workflow starts: the ends exist and differ, every
/// line names an active product once with a sensible quantity. Managers request for a transfer from or to their store,
/// supervisors within their region, HQ anywhere; clerks ship and receive but do not request.
/// </summary>
public sealed class TransferPreparation(InventoryDatabase database, LineResolver resolver)
{
    public async Task<Outcome<TransferDraft>> PrepareAsync(Caller caller, TransferRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.FromStore) == string.IsNullOrWhiteSpace(request.FromLocation))
        {
            errors.Add("fromStore", "give either fromStore (a store code) or fromLocation (a location code)");
        }

        if (string.IsNullOrWhiteSpace(request.ToStore))
        {
            errors.Add("toStore", "is required");
        }

        if (request.Note is { Length: > 500 })
        {
            errors.Add("note", "is longer than 500 characters");
        }

        var requested = request.Lines ?? [];
        ValidateLines(requested, errors);
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        var from = await FindSourceAsync(connection, request, errors);
        var to = string.IsNullOrWhiteSpace(request.ToStore) ? null : await ActiveStoreAsync(connection, request.ToStore.Trim());
        if (to is null && !string.IsNullOrWhiteSpace(request.ToStore))
        {
            errors.Add("toStore", $"no active store has code '{request.ToStore.Trim()}'");
        }
        else if (from is not null && to is not null && from.LocationId == to.LocationId)
        {
            errors.Add("toStore", "is the source itself: a transfer needs two different locations");
        }

        var lines = errors.Any && requested.Any(l => l is null) ? [] : await ResolveAsync(connection, requested, errors);
        if (errors.Any)
        {
            return errors;
        }

        if (!MayRequest(caller, from!, to!))
        {
            return Failure.Forbidden("只有两端门店的店长、所在区域督导或总部可以申请调拨 (only a manager of either store, their supervisor or HQ may request a transfer)");
        }

        return new TransferDraft(from!.LocationId, from.StoreId, to!.StoreId!.Value, to.LocationId, lines, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim());
    }

    private static bool MayRequest(Caller caller, End from, End to) => caller.Role switch
    {
        Role.HqAdmin => true,
        Role.StoreManager => caller.StoreId is { } own && (own == from.StoreId || own == to.StoreId),
        Role.RegionalSupervisor => caller.RegionId is { } region && (region == from.RegionId || region == to.RegionId),
        _ => false,
    };

    private void ValidateLines(IReadOnlyList<TransferLineRequest?> requested, FieldErrors errors)
    {
        // The shared line rules name the code field "code"; a transfer line names it by what the caller sent.
        var checkedLines = new FieldErrors();
        resolver.Validate(requested.Select(l => l is null ? null! : new LineInput(l.Sku ?? l.Barcode, l.Quantity)).ToList(), checkedLines);
        foreach (var (field, reasons) in checkedLines.ByField)
        {
            foreach (var reason in reasons)
            {
                errors.Add(field.EndsWith(".code", StringComparison.Ordinal) ? field[..^".code".Length] + ".sku" : field, reason);
            }
        }
    }

    private static async Task<IReadOnlyList<TransferQuantity>> ResolveAsync(Npgsql.NpgsqlConnection connection, IReadOnlyList<TransferLineRequest?> requested, FieldErrors errors)
    {
        var codes = requested.Select(l => (l?.Sku ?? l?.Barcode)?.Trim()).Where(c => !string.IsNullOrEmpty(c)).Select(c => c!);
        var products = await LineResolver.FindProductsAsync(connection, codes);
        var lines = new List<TransferQuantity>();
        var firstLineOf = new Dictionary<int, int>();
        for (var i = 0; i < requested.Count; i++)
        {
            var (field, code) = requested[i]!.Sku is { } sku ? ($"lines[{i}].sku", sku.Trim()) : ($"lines[{i}].barcode", requested[i]!.Barcode?.Trim() ?? "");
            if (code.Length == 0)
            {
                continue; // reported by the line rules
            }

            if (!products.TryGetValue(code, out var product))
            {
                errors.Add(field, $"no active product has this code '{code}'");
            }
            else if (!firstLineOf.TryAdd(product.Id, i))
            {
                errors.Add(field, $"names the same product as lines[{firstLineOf[product.Id]}]: one line per product");
            }
            else
            {
                lines.Add(new TransferQuantity(product.Id, requested[i]!.Quantity));
            }
        }

        return lines;
    }

    private static async Task<End?> FindSourceAsync(Npgsql.NpgsqlConnection connection, TransferRequest request, FieldErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(request.FromStore))
        {
            var store = await ActiveStoreAsync(connection, request.FromStore.Trim());
            if (store is null)
            {
                errors.Add("fromStore", $"no active store has code '{request.FromStore.Trim()}'");
            }

            return store;
        }

        if (string.IsNullOrWhiteSpace(request.FromLocation))
        {
            return null;
        }

        // A store's own location belongs to that store; any other location (the central warehouse) to none.
        var location = await connection.QuerySingleOrDefaultAsync<End>(
            """
            select l.id as location_id, s.id as store_id, coalesce(s.region_id, l.region_id) as region_id
            from location l
            left join lateral (select id, region_id from store where l.id in (selling_location_id, backroom_location_id) order by id limit 1) s on true
            where l.code = @code
            """, new { code = request.FromLocation.Trim() });
        if (location is null)
        {
            errors.Add("fromLocation", $"no location has code '{request.FromLocation.Trim()}'");
        }

        return location;
    }

    /// <summary>An active store as a transfer's end: its selling location.</summary>
    private static async Task<End?> ActiveStoreAsync(Npgsql.NpgsqlConnection connection, string code) =>
        await StoreByCode.FindAsync(connection, code) is { IsActive: true } store
            ? new End { StoreId = store.Id, LocationId = store.SellingLocationId, RegionId = store.RegionId }
            : null;

    private sealed class End
    {
        public int? StoreId { get; init; }
        public int LocationId { get; init; }
        public int? RegionId { get; init; }
    }
}
