using Dapper;
using Npgsql;

namespace StoreStock.Database;

public static class DatabaseCreator
{
    /// <summary>Creates the database named in the connection string when it does not exist (optionally from a template).</summary>
    public static async Task EnsureExistsAsync(string connectionString, string? template = null, CancellationToken cancellationToken = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var database = builder.Database ?? throw new InvalidOperationException("The connection string names no database.");
        builder.Database = "postgres";
        builder.Pooling = false;
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<bool>("select exists (select 1 from pg_database where datname = @database)", new { database });
        if (!exists)
        {
            var from = template is null ? "" : $" template \"{template}\"";
            await connection.ExecuteAsync($"create database \"{database}\"{from}");
        }
    }
}
