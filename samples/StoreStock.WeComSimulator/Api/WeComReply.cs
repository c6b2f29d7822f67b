using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using StoreStock.WeComSimulator.State;

namespace StoreStock.WeComSimulator.Api;

/// <summary>WeCom's answers: always HTTP 200 with errcode/errmsg, plus the call's own fields on success.</summary>
public static class WeComReply
{
    public static JsonObject Ok(JsonObject? fields = null)
    {
        var reply = new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok" };
        foreach (var (name, value) in fields ?? [])
        {
            reply[name] = value?.DeepClone();
        }

        return reply;
    }

    public static JsonObject Error(SimError error) =>
        new() { ["errcode"] = error.Code, ["errmsg"] = SimErrors.Message(error.Code, error.Detail) };

    public static JsonObject Error(int code, string? detail = null) => Error(new SimError(code, detail));

    public static IResult Json(JsonObject reply) => Results.Text(reply.ToJsonString(), "application/json; charset=utf-8");

    /// <summary>The request body as a JSON object, or the refusal WeCom gives for anything else (40058, "wrong json format").</summary>
    public static JsonObject? ParseBody(string body, out SimError? error)
    {
        error = null;
        try
        {
            if (JsonNode.Parse(body) is JsonObject json)
            {
                return json;
            }
        }
        catch (JsonException)
        {
        }

        error = new SimError(SimErrors.InvalidParameter, "Warning: wrong json format.");
        return null;
    }

    public static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    }
}
