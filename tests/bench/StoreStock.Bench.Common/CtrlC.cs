namespace StoreStock.Bench;

/// <summary>Ctrl+C stops a run cleanly (the cluster and its folder are still removed) instead of killing it.</summary>
public static class CtrlC
{
    public static CancellationTokenSource StopsRun()
    {
        var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        return stop;
    }
}
