using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StoreStock.WeComSimulator.State;

namespace StoreStock.WeComSimulator.Api;

/// <summary>Counts every call to a WeCom API endpoint, then lets the current outage answer instead, if there is one.</summary>
internal sealed class OutageFilter(Action<SimulatorStats> count) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var state = context.HttpContext.RequestServices.GetRequiredService<SimulatorState>();
        state.Locked(s => count(s.Stats));
        var outage = state.TakeOutage();
        switch (outage.Mode)
        {
            case OutageMode.Unreachable when outage.Abort:
                context.HttpContext.Abort();
                return Results.Empty;
            case OutageMode.Unreachable:
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            case OutageMode.Busy:
                return WeComReply.Json(WeComReply.Error(SimErrors.Busy));
            case OutageMode.RateLimit:
                return WeComReply.Json(WeComReply.Error(SimErrors.FrequencyLimit));
            default:
                return await next(context);
        }
    }
}
