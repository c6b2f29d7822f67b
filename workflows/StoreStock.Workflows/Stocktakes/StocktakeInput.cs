using Dapper;
using Npgsql;
using StoreStock.Engine.Expressions;
using StoreStock.Inventory.Access;
using StoreStock.Inventory.Shared;
using StoreStock.Inventory.Stocktakes;

namespace StoreStock.Workflows.Stocktakes;

/// <summary>What to count: the whole store, categories (ids) or listed products (ids).</summary>
public sealed record StocktakeScopeInput(string? Kind, IReadOnlyList<int>? Ids);

/// <summary>The checks an ad-hoc count and a schedule share: the scope, and the two deadlines (ISO 8601 durations).</summary>
public static class StocktakeInput
{
    public const string DefaultCountDeadline = "PT24H";
    public const string DefaultMissedAfter = "PT48H";

    /// <summary>HQ anywhere, a store manager in their own store: who starts ad-hoc counts and manages schedules.</summary>
    public static bool CanManage(Caller caller, int storeId) => caller.IsHq || (caller.Role == Role.StoreManager && caller.StoreId == storeId);

    /// <summary>The store named by <c>storeCode</c>, or an error naming the field.</summary>
    public static async Task<int?> StoreIdAsync(string? storeCode, FieldErrors errors, NpgsqlConnection connection)
    {
        var storeId = string.IsNullOrWhiteSpace(storeCode) ? null : (await StoreByCode.FindAsync(connection, storeCode))?.Id;
        if (storeId is null)
        {
            errors.Add("storeCode", string.IsNullOrWhiteSpace(storeCode) ? "必填 (is required)" : $"没有门店 {storeCode} (no such store)");
        }

        return storeId;
    }

    public static void CheckDeadlines(string countDeadline, string missedAfter, FieldErrors errors)
    {
        var due = Durations.TryParse(countDeadline, out var dueSpan);
        if (!due)
        {
            errors.Add("countDeadline", "不是有效时长，如 PT24H (is not a duration such as PT24H)");
        }

        if (!Durations.TryParse(missedAfter, out var missedSpan))
        {
            errors.Add("missedAfter", "不是有效时长，如 PT48H (is not a duration such as PT48H)");
        }
        else if (due && missedSpan <= dueSpan)
        {
            errors.Add("missedAfter", "必须晚于 countDeadline (must be later than countDeadline)");
        }
    }

    /// <summary>Checks the scope's shape, then (when a connection is given) that every id is a category or an active product.</summary>
    public static async Task CheckScopeAsync(StocktakeScopeInput? scope, FieldErrors errors, NpgsqlConnection connection, NpgsqlTransaction? transaction = null)
    {
        var kind = scope?.Kind ?? StocktakeScope.Store;
        var ids = scope?.Ids ?? [];
        if (!StocktakeScope.All.Contains(kind))
        {
            errors.Add("scope.kind", $"必须是 {string.Join("、", StocktakeScope.All)} 之一 (must be one of {string.Join(", ", StocktakeScope.All)})");
            return;
        }

        if (kind == StocktakeScope.Store && ids.Count > 0)
        {
            errors.Add("scope.ids", "整店盘点不需要列出 id (a whole-store count lists no ids)");
            return;
        }

        if (kind != StocktakeScope.Store && (ids.Count == 0 || ids.Count > LineResolver.MaxLines))
        {
            errors.Add("scope.ids", $"需要 1–{LineResolver.MaxLines} 个 id (needs 1–{LineResolver.MaxLines} ids)");
            return;
        }

        var table = kind == StocktakeScope.Categories ? "category" : "product";
        var known = (await connection.QueryAsync<int>(
            $"select id from {table} where id = any(@ids){(table == "product" ? " and is_active" : "")}", new { ids = ids.ToArray() }, transaction)).ToHashSet();
        for (var i = 0; i < ids.Count; i++)
        {
            if (!known.Contains(ids[i]))
            {
                errors.Add($"scope.ids[{i}]", $"没有这个{(table == "product" ? "商品" : "类别")} (no {table} {ids[i]})");
            }
        }
    }
}
