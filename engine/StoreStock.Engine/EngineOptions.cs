using StoreStock.Engine.Expressions;

namespace StoreStock.Engine;

/// <summary>Configuration section "Engine".</summary>
public sealed class EngineOptions
{
    public ScriptLimits Scripts { get; set; } = new();

    /// <summary>A step that runs this many activities without waiting is stopped as a runaway loop.</summary>
    public int MaxActivitiesPerStep { get; set; } = 1000;

    /// <summary>Timers due within this horizon get their Quartz trigger now; later ones when the sweep reaches them.</summary>
    public TimeSpan TimerHorizon { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the clustered sweep plans the timers entering the horizon.</summary>
    public TimeSpan TimerSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long Quartz sleeps when no trigger is near; a newly planned trigger wakes it at once.</summary>
    public TimeSpan QuartzIdleWait { get; set; } = TimeSpan.FromSeconds(15);

    public int QuartzThreads { get; set; } = 4;

    /// <summary>Whether this host runs the Quartz scheduler (off for a node that only serves the API).</summary>
    public bool RunScheduler { get; set; } = true;
}
