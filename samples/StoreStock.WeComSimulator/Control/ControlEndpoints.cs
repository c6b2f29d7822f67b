using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using StoreStock.WeComSimulator.State;

namespace StoreStock.WeComSimulator.Control;

/// <summary>Test and operations controls under /wecom-sim/control: outages, token invalidation, reset.</summary>
internal static class ControlEndpoints
{
    public static void MapControl(this IEndpointRouteBuilder sim)
    {
        var control = sim.MapGroup("/control");
        control.MapGet("/outage", (SimulatorState state) => TypedResults.Ok(OutageView.Of(state.Locked(s => s.Outage))));
        control.MapPost("/outage", SetOutage);
        control.MapPost("/invalidate-tokens", (SimulatorState state) =>
        {
            state.Locked(s => s.Tokens.InvalidateAll());
            return TypedResults.NoContent();
        });
        control.MapPost("/reset", (SimulatorState state) =>
        {
            state.Reset();
            return TypedResults.NoContent();
        });
    }

    private static Results<Ok<OutageView>, ValidationProblem> SetOutage(OutageRequest request, SimulatorState state)
    {
        if (!Enum.TryParse<OutageMode>(request.Mode, ignoreCase: true, out var mode) || !Enum.IsDefined(mode))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["mode"] = ["mode 须为 none、unreachable、busy、ratelimit、invalidtoken、html、timeout 或 lostreply (mode must be none, unreachable, busy, ratelimit, invalidtoken, html, timeout or lostreply)"],
            });
        }

        if (request.Calls is < 1)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["calls"] = ["calls 须为正数 (calls must be positive)"],
            });
        }

        var outage = mode == OutageMode.None ? Outage.None : new Outage(mode, request.Abort ?? false, request.Calls);
        state.Locked(s => s.Outage = outage);
        return TypedResults.Ok(OutageView.Of(outage));
    }
}

/// <summary>
/// mode: none | unreachable | busy | ratelimit | invalidtoken | html | timeout | lostreply. abort (unreachable only):
/// drop the connection instead of HTTP 503.
/// calls: affect only the next N API calls, then clear by itself; absent = until set to none.
/// </summary>
public sealed record OutageRequest(string Mode, bool? Abort = null, int? Calls = null);

public sealed record OutageView(string Mode, bool Abort, int? RemainingCalls)
{
    public static OutageView Of(Outage outage) => new(outage.Mode.ToString().ToLowerInvariant(), outage.Abort, outage.RemainingCalls);
}
