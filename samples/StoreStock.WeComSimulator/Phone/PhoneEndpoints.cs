using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using StoreStock.WeComSimulator.State;

namespace StoreStock.WeComSimulator.Phone;

/// <summary>The JSON the phone page polls (and tests read): members, each member's messages, counters, posted callbacks; and clicks.</summary>
internal static class PhoneEndpoints
{
    public static void MapPhoneApi(this IEndpointRouteBuilder sim)
    {
        var api = sim.MapGroup("/api");
        api.MapGet("/users", Users);
        api.MapGet("/users/{userId}/messages", Messages);
        api.MapGet("/stats", (SimulatorState state) => TypedResults.Ok(state.Locked(s => s.Stats.Snapshot())));
        api.MapGet("/callbacks", (SimulatorState state) => TypedResults.Ok(state.Locked(s => s.Callbacks.Recent.Select(CallbackView.Of).ToList())));
        api.MapPost("/users/{userId}/click", ClickCallback.ClickAsync);
        api.MapPost("/callbacks/{id:long}/replay", ClickCallback.ReplayAsync);
    }

    /// <summary>Members with messages, plus every member named in WeCom:Users (an empty phone), by userid.</summary>
    private static Ok<List<UserView>> Users(SimulatorState state) => TypedResults.Ok(state.Locked(s =>
    {
        var users = s.Phones.All.Select(p => UserView.Of(p, s.App)).ToList();
        users.AddRange(s.App.Users.Values
            .Where(id => s.Phones.Find(id) is null)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(id => UserView.Empty(id, s.App)));
        return users.OrderBy(u => u.UserId, StringComparer.OrdinalIgnoreCase).ToList();
    }));

    /// <summary>A member's messages, oldest first; an unknown member has none.</summary>
    private static Ok<List<MessageView>> Messages(string userId, SimulatorState state) => TypedResults.Ok(state.Locked(s =>
        s.Phones.Find(userId)?.Messages.Select(MessageView.Of).ToList() ?? []));
}
