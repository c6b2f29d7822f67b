using StoreStock.Engine.Runtime;

namespace StoreStock.Engine.Timers;

/// <summary>Gives due times their triggers. Called after a step commits; the sweep catches whatever that missed.</summary>
public interface ITimerPlanner
{
    Task PlanSoonAsync(IReadOnlyList<TimerRecord> timers, CancellationToken ct);
}
