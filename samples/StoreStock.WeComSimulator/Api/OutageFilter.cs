using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StoreStock.WeComSimulator.State;

namespace StoreStock.WeComSimulator.Api;

/// <summary>Counts every call to a WeCom API endpoint, then lets the current outage answer instead, if there is one.</summary>
internal sealed class OutageFilter(Action<SimulatorStats> count, bool gettoken = false) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var state = context.HttpContext.RequestServices.GetRequiredService<SimulatorState>();
        state.Locked(s => count(s.Stats));
        var outage = state.TakeOutage(gettoken);
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
            case OutageMode.InvalidToken:
                return WeComReply.Json(WeComReply.Error(SimErrors.InvalidToken));
            case OutageMode.Timeout:
                await Hang(context.HttpContext.RequestAborted);
                return Results.Empty;
            case OutageMode.LostReply:
                await next(context);
                context.HttpContext.Abort();
                return Results.Empty;
            case OutageMode.Html:
                return Results.Content("<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html");
            default:
                return await next(context);
        }
    }

    private static async Task Hang(CancellationToken aborted)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(2), aborted);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
