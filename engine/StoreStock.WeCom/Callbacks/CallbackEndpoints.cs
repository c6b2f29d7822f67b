using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace StoreStock.WeCom.Callbacks;

/// <summary>
/// <c>/wecom/callback</c>, open to anyone: authenticity comes from the signature, not from a sign-in. The query
/// arrives decoded once by ASP.NET Core, which is exactly what the signature is computed over.
/// </summary>
public static class CallbackEndpoints
{
    public const string Path = "/wecom/callback";

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static IEndpointRouteBuilder MapWeComCallback(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, VerifyUrl).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost(Path, ReceiveAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Echoes the decrypted echostr exactly (no quotes, BOM or newline), which is how WeCom accepts the URL.</summary>
    private static IResult VerifyUrl(HttpRequest request, CallbackReceiver receiver)
    {
        var query = request.Query;
        var (echo, refusal) = receiver.VerifyUrl(query["msg_signature"], query["timestamp"], query["nonce"], query["echostr"]);
        return refusal?.ToProblem() ?? TypedResults.Text(echo, "text/plain; charset=utf-8");
    }

    /// <summary>Answers 200 with an empty body as soon as the event is stored; WeCom resends anything else.</summary>
    private static async Task<IResult> ReceiveAsync(HttpRequest request, CallbackReceiver receiver, IOptions<WeComCallbackOptions> options, CancellationToken ct)
    {
        var limit = options.Value.MaxBodyBytes;
        var body = await ReadCappedAsync(request, limit, ct);
        if (body is null)
        {
            return CallbackRefusal.TooLarge(limit).ToProblem();
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return CallbackRefusal.NotUtf8().ToProblem();
        }

        var query = request.Query;
        var refusal = await receiver.AcceptAsync(query["msg_signature"], query["timestamp"], query["nonce"], text, ct);
        return refusal?.ToProblem() ?? TypedResults.Ok();
    }

    /// <summary>The body, or null when it is longer than the limit (read no further than one byte past it).</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}
