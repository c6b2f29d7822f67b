using Dapper;
using Npgsql;

namespace StoreStock.Bench.Engine;

/// <summary>
/// After the load, from the database: every acknowledged instance finished Approved, nothing waits any more (no
/// bookmark, timer row or Quartz trigger), and each instance has its cards: one at or below the threshold, two above,
/// all approved, the first for the store manager and the second for the regional supervisor.
/// </summary>
public static class ApprovalCheck
{
    public sealed record Outcome(
        long Instances, long ExpectedInstances, long Approved, long ExpectedApproved, long AboveThreshold, long ExpectedAboveThreshold,
        long WrongCardCounts, long CardsNotApproved, long ManagerCards, long SupervisorCards,
        long Bookmarks, long Timers, long Triggers)
    {
        public bool Ok =>
            Instances == ExpectedInstances && Approved == ExpectedApproved && Approved == Instances && AboveThreshold == ExpectedAboveThreshold
            && WrongCardCounts == 0 && CardsNotApproved == 0 && ManagerCards == Instances && SupervisorCards == AboveThreshold
            && Bookmarks == 0 && Timers == 0 && Triggers == 0;
    }

    /// <param name="started">Starts the clients saw answered.</param>
    /// <param name="approved">Instances the clients approved to the end.</param>
    /// <param name="aboveThreshold">Of those, the ones above the threshold.</param>
    public static async Task<Outcome> RunAsync(NpgsqlDataSource db, long started, long approved, long aboveThreshold)
    {
        await using var connection = await db.OpenConnectionAsync();
        var instances = await connection.QuerySingleAsync<InstanceCounts>(
            """
            select count(*) as Instances,
                   count(*) filter (where status = 'finished' and variables #>> '{approval,outcome}' = 'Approved') as Approved,
                   count(*) filter (where (variables ->> 'amount')::numeric > @threshold) as AboveThreshold,
                   count(*) filter (where (select count(*) from wf_task t where t.instance_id = i.id)
                                          <> case when (variables ->> 'amount')::numeric > @threshold then 2 else 1 end) as WrongCardCounts
            from wf_instance i where definition_id = @definitionId
            """,
            new { definitionId = WriteOffDefinition.Id, threshold = WriteOffDefinition.RegionalThreshold });
        var cards = await connection.QuerySingleAsync<CardCounts>(
            """
            select count(*) filter (where t.status <> 'completed' or t.outcome is distinct from 'Approve') as NotApproved,
                   count(*) filter (where t.assignee_role = 'store_manager') as Manager,
                   count(*) filter (where t.assignee_role = 'regional_supervisor') as Supervisor
            from wf_task t join wf_instance i on i.id = t.instance_id where i.definition_id = @definitionId
            """,
            new { definitionId = WriteOffDefinition.Id });
        var waits = await connection.QuerySingleAsync<WaitCounts>(
            """
            select (select count(*) from wf_bookmark) as Bookmarks,
                   (select count(*) from wf_timer) as Timers,
                   (select count(*) from qrtz_triggers where trigger_group = @group) as Triggers
            """,
            new { group = StoreStock.Engine.Timers.QuartzTimerPlanner.TriggerGroup });
        return new Outcome(
            instances.Instances, started, instances.Approved, approved, instances.AboveThreshold, aboveThreshold,
            instances.WrongCardCounts, cards.NotApproved, cards.Manager, cards.Supervisor,
            waits.Bookmarks, waits.Timers, waits.Triggers);
    }

    private sealed record InstanceCounts(long Instances, long Approved, long AboveThreshold, long WrongCardCounts);

    private sealed record CardCounts(long NotApproved, long Manager, long Supervisor);

    private sealed record WaitCounts(long Bookmarks, long Timers, long Triggers);
}
