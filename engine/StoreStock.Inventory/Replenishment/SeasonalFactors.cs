using Dapper;
using Npgsql;
using StoreStock.Inventory.Access;

namespace StoreStock.Inventory.Replenishment;

public sealed record SeasonalFactorView(string Category, string CategoryName, int Month, decimal Factor);

/// <summary>A factor to set: the category's code, the month (1–12) and the multiplier (above 0, at most 10).</summary>
public sealed record SeasonalFactorInput(string? Category, int? Month, decimal? Factor);

public sealed record SetSeasonalFactorsRequest(IReadOnlyList<SeasonalFactorInput>? Factors);

/// <summary>HQ's demand multipliers per category and month (e.g. 1.5 for drinks in July); a month without one counts as 1.</summary>
public sealed class SeasonalFactors(NpgsqlDataSource dataSource)
{
    public const decimal MaxFactor = 10;

    public async Task<IReadOnlyList<SeasonalFactorView>> ListAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<SeasonalFactorView>(new CommandDefinition(
            """
            select c.code as category, c.name as category_name, f.month, f.factor
            from seasonal_factor f join category c on c.id = f.category_id order by c.code, f.month
            """, cancellationToken: ct))).AsList();
    }

    /// <summary>Sets the given factors (others stay as they are), all or none.</summary>
    public async Task<Outcome<IReadOnlyList<SeasonalFactorView>>> SetAsync(Caller caller, SetSeasonalFactorsRequest request, CancellationToken ct)
    {
        if (!caller.IsHq)
        {
            return Failure.Forbidden("只有总部可以设置季节系数 (only HQ sets seasonal factors)");
        }

        var factors = request.Factors ?? [];
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var categories = (await connection.QueryAsync<(string Code, int Id)>(new CommandDefinition(
            "select code, id from category where code = any(@codes)",
            new { codes = factors.Select(f => f.Category ?? "").ToArray() }, cancellationToken: ct))).ToDictionary(c => c.Code, c => c.Id, StringComparer.Ordinal);
        var errors = Check(factors, categories);
        if (errors.Any)
        {
            return errors;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into seasonal_factor (category_id, month, factor)
            select * from unnest(@categoryIds::int[], @months::int[], @values::numeric[])
            on conflict (category_id, month) do update set factor = excluded.factor
            """,
            new
            {
                categoryIds = factors.Select(f => categories[f.Category!]).ToArray(),
                months = factors.Select(f => f.Month!.Value).ToArray(),
                values = factors.Select(f => f.Factor!.Value).ToArray(),
            }, cancellationToken: ct));
        return (await ListAsync(ct)).ToList();
    }

    private static FieldErrors Check(IReadOnlyList<SeasonalFactorInput> factors, Dictionary<string, int> categories)
    {
        var errors = new FieldErrors();
        if (factors.Count == 0)
        {
            errors.Add("factors", "至少需要一项 (must list at least one factor)");
        }

        var seen = new HashSet<(string, int)>();
        for (var i = 0; i < factors.Count; i++)
        {
            var f = factors[i];
            if (f.Category is null || !categories.ContainsKey(f.Category))
            {
                errors.Add($"factors[{i}].category", "不是已有的品类编码 (is not a category code)");
            }

            if (f.Month is not (>= 1 and <= 12))
            {
                errors.Add($"factors[{i}].month", "必须是 1 到 12 (must be 1 to 12)");
            }
            else if (f.Category is not null && !seen.Add((f.Category, f.Month.Value)))
            {
                errors.Add($"factors[{i}].month", "该品类的这个月份重复 (appears twice for the category)");
            }

            if (f.Factor is not (> 0 and <= MaxFactor))
            {
                errors.Add($"factors[{i}].factor", "必须大于 0 且不超过 10 (must be above 0 and at most 10)");
            }
        }

        return errors;
    }
}
