using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using StoreStock.WeComSimulator.State;

namespace StoreStock.WeComSimulator.Api;

/// <summary>GET /cgi-bin/gettoken?corpid=&amp;corpsecret= (wecom.md §1), checked against the host's WeCom options.</summary>
internal static class GetToken
{
    public static IResult Handle(HttpRequest request, SimulatorState state)
    {
        var corpId = request.Query["corpid"].ToString();
        var secret = request.Query["corpsecret"].ToString();
        return WeComReply.Json(state.Locked(s =>
        {
            SimError? error = (corpId, secret) switch
            {
                ("", _) => new SimError(SimErrors.MissingCorpId),
                (_, "") => new SimError(SimErrors.MissingSecret),
                _ when !string.Equals(corpId, s.App.CorpId, StringComparison.Ordinal) => new SimError(SimErrors.InvalidCorpId),
                _ when !string.Equals(secret, s.App.Secret, StringComparison.Ordinal) => new SimError(SimErrors.InvalidSecret),
                _ => null,
            };
            if (error is not null)
            {
                return AppCall.Refuse(s, error);
            }

            s.Stats.TokensIssued++;
            return WeComReply.Ok(new JsonObject
            {
                ["access_token"] = s.Tokens.Issue(s.Now),
                ["expires_in"] = TokenBook.ExpiresInSeconds,
            });
        }));
    }
}
