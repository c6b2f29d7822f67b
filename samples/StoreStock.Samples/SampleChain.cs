using Dapper;
using Npgsql;

namespace StoreStock.Samples;

/// <summary>The demo chain: regions, stores, products, users, API keys and deterministic sales history.</summary>
public static class SampleChain
{
    /// <summary>Seeds the sample chain when the database has no region yet. Returns whether it seeded.</summary>
    /// <remarks>
    /// Everything is written in one transaction, so a failed seed leaves the database empty and the next start tries
    /// again. Two hosts starting on the same empty database take turns; the second finds the regions and stops.
    /// </remarks>
    public static async Task<bool> SeedIfEmptyAsync(NpgsqlDataSource dataSource, SampleChainOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var calendar = new SampleCalendar(time.GetUtcNow(), options.SalesHistoryDays);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "select pg_advisory_xact_lock(hashtext('storestock.sample-chain'))", transaction: transaction, cancellationToken: cancellationToken));
        var hasRegions = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from region)", transaction: transaction, cancellationToken: cancellationToken));
        if (hasRegions)
        {
            return false;
        }

        var organisation = await SampleOrganisation.InsertAsync(connection, transaction, cancellationToken);
        var catalog = SampleCatalog.Build();
        await catalog.InsertAsync(connection, transaction, SampleCalendar.At(calendar.OpeningDay, TimeSpan.FromHours(9)), cancellationToken);
        var policies = SamplePolicyOverrides.Pick(organisation, catalog);
        await policies.InsertAsync(connection, transaction, cancellationToken);
        await SampleUsers.InsertAsync(connection, transaction, organisation, cancellationToken);
        await SampleApiKeys.InsertAsync(connection, transaction, organisation, calendar.Now, cancellationToken);

        var moves = SampleSalesHistory.Simulate(organisation, catalog, policies, SampleStockSituations.Pick(organisation, catalog), calendar);
        await SampleMoveWriter.WriteAsync(connection, moves, calendar.Now, cancellationToken);
        await SampleMoveWriter.BuildLevelsAsync(connection, transaction, organisation.LocationIds, calendar.Now, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
