using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using StoreStock.WeComSimulator.State;
using static StoreStock.WeComSimulator.Api.Json;

namespace StoreStock.WeComSimulator.Api;

/// <summary>What every business call checks first, in WeCom's order: the access token, the JSON body, the agent id.</summary>
internal static class AppCall
{
    /// <summary>Reads the body and the access_token, then runs the call under the state's lock and answers its reply.</summary>
    public static async Task<IResult> HandleAsync(HttpRequest request, SimulatorState state, Func<SimulatorState, string, string, JsonObject> call)
    {
        var body = await WeComReply.ReadBodyAsync(request);
        var token = request.Query["access_token"].ToString();
        return WeComReply.Json(state.Locked(s => call(s, token, body)));
    }

    public static JsonObject? Authorize(SimulatorState state, string? token, string body, out SimError? error)
    {
        var tokenError = state.Tokens.Check(token, state.Now);
        if (tokenError != 0)
        {
            error = new SimError(tokenError);
            return null;
        }

        var json = WeComReply.ParseBody(body, out error);
        if (json is null)
        {
            return null;
        }

        var agentId = Int(json["agentid"]);
        error = agentId switch
        {
            null => new SimError(SimErrors.MissingAgentId),
            _ when agentId != state.App.AgentId => new SimError(SimErrors.InvalidAgentId, $"agentid {agentId} is not this app"),
            _ => null,
        };
        return error is null ? json : null;
    }

    public static JsonObject Refuse(SimulatorState state, SimError error)
    {
        state.Stats.Errors++;
        return WeComReply.Error(error);
    }
}
