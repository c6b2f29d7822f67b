using Dapper;

namespace StoreStock.WeCom.Tests;

/// <summary>Single values read straight from the host's database.</summary>
public static class Sql
{
    public static async Task<T> ScalarAsync<T>(this StoreStockApp app, string sql, object? args = null)
    {
        await using var connection = await app.Db.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }

    public static Task<long> CountAsync(this StoreStockApp app, string sql, object? args = null) => app.ScalarAsync<long>(sql, args);
}
