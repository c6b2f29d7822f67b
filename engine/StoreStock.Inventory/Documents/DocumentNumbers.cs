using Dapper;
using Npgsql;

namespace StoreStock.Inventory.Documents;

/// <summary>Document numbers such as RK20261121-0001: a prefix per kind, the business day in China, a daily sequence.</summary>
public static class DocumentNumbers
{
    public static async Task<string> NextAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string prefix, DateTimeOffset now)
    {
        var day = Shared.BusinessDay.Of(now);
        var sequence = await connection.ExecuteScalarAsync<int>(
            """
            insert into document_counter (prefix, day, last) values (@prefix, @day::date, 1)
            on conflict (prefix, day) do update set last = document_counter.last + 1
            returning last
            """,
            new { prefix, day = day.ToDateTime(TimeOnly.MinValue) },
            transaction);
        return FormattableString.Invariant($"{prefix}{day:yyyyMMdd}-{sequence:D4}");
    }
}
