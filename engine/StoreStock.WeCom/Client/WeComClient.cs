using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StoreStock.WeCom.Client;

/// <summary>
/// The WeCom server API over HTTP (wecom.md §1–3). The access token comes from <see cref="WeComTokenCache"/>; a token
/// WeCom rejects (40014/42001) is dropped, fetched again once and the call retried once. Busy (-1) and rate limits
/// (45009/45033) are retried up to three times with a doubling back-off. Decisions are taken on errcode only.
/// </summary>
public sealed partial class WeComClient(
    HttpClient http,
    WeComTokenCache tokens,
    WeComApiAddress address,
    IOptions<WeComOptions> options,
    IOptions<WeComClientOptions> clientOptions,
    TimeProvider time,
    ILogger<WeComClient> logger) : IWeComClient
{
    public const string HttpClientName = "WeCom";

    private readonly WeComOptions _app = options.Value;

    private string AppKey => string.Create(CultureInfo.InvariantCulture, $"{_app.CorpId}/{_app.AgentId}");

    public async Task<SendResult> SendAsync(AppMessage message, CancellationToken ct)
    {
        var reply = await CallAsync("cgi-bin/message/send", message with { AgentId = _app.AgentId }, ct);
        return new SendResult(reply.MsgId, reply.ResponseCode, reply.InvalidUsers());
    }

    public Task UpdateTemplateCardAsync(TemplateCardUpdate update, CancellationToken ct) =>
        CallAsync("cgi-bin/message/update_template_card", update with { AgentId = _app.AgentId }, ct);

    private async Task<ApiReply> CallAsync<TBody>(string path, TBody body, CancellationToken ct)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(body, WeComJson.Options);
        for (var retry = 0; ; retry++)
        {
            try
            {
                return await CallWithTokenAsync(path, payload, ct);
            }
            catch (WeComApiException e) when (e.Kind is WeComErrorKind.Busy or WeComErrorKind.RateLimited && retry < WeComClientOptions.MaxRetries)
            {
                var delay = clientOptions.Value.RetryDelay * Math.Pow(2, retry);
                LogBackOff(logger, e.ErrorCode, path, delay, retry + 1);
                await Task.Delay(delay, time, ct);
            }
        }
    }

    private async Task<ApiReply> CallWithTokenAsync(string path, byte[] payload, CancellationToken ct)
    {
        var token = await tokens.GetAsync(AppKey, FetchTokenAsync, ct);
        var reply = await PostAsync(path, token, payload, ct);
        if (reply.ErrCode is WeComErrors.InvalidToken or WeComErrors.TokenExpired)
        {
            LogTokenRejected(logger, reply.ErrCode, path);
            tokens.Invalidate(AppKey, token);
            token = await tokens.GetAsync(AppKey, FetchTokenAsync, ct);
            reply = await PostAsync(path, token, payload, ct);
        }

        return reply.ErrCode == 0 ? reply : throw WeComErrors.ToException(reply.ErrCode, reply.ErrMsg ?? "");
    }

    /// <summary>gettoken; its errors (wrong corp id or secret, …) are configuration errors and go straight to the caller.</summary>
    private async Task<(string Token, int ExpiresIn)> FetchTokenAsync(CancellationToken ct)
    {
        var uri = new Uri(address.Root, $"cgi-bin/gettoken?corpid={Uri.EscapeDataString(_app.CorpId)}&corpsecret={Uri.EscapeDataString(_app.Secret)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        var reply = await SendAsync(request, ct);
        if (reply.ErrCode != 0)
        {
            throw WeComErrors.ToException(reply.ErrCode, reply.ErrMsg ?? "");
        }

        return string.IsNullOrEmpty(reply.AccessToken)
            ? throw new WeComUnreachableException("gettoken 未返回 access_token (gettoken answered without an access_token)")
            : (reply.AccessToken, reply.ExpiresIn ?? 7200);
    }

    private async Task<ApiReply> PostAsync(string path, string token, byte[] payload, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address.Root, $"{path}?access_token={Uri.EscapeDataString(token)}"));
        request.Content = new ByteArrayContent(payload);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return await SendAsync(request, ct);
    }

    /// <summary>One HTTP exchange; anything but a 2xx answer carrying WeCom's JSON means WeCom is unreachable.</summary>
    private async Task<ApiReply> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var path = request.RequestUri!.AbsolutePath;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new WeComUnreachableException($"企业微信返回 HTTP {(int)response.StatusCode} (WeCom answered HTTP {(int)response.StatusCode}) on {path}");
            }

            var body = await response.Content.ReadAsByteArrayAsync(ct);
            return JsonSerializer.Deserialize<ApiReply>(body, WeComJson.Options)
                ?? throw new WeComUnreachableException($"企业微信返回了空的 JSON (WeCom answered JSON null) on {path}");
        }
        catch (HttpRequestException e)
        {
            throw new WeComUnreachableException($"无法连接企业微信 (WeCom could not be reached) on {path}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new WeComUnreachableException($"企业微信超时 (WeCom timed out) on {path}", e);
        }
        catch (JsonException e)
        {
            throw new WeComUnreachableException($"企业微信的回答不是 JSON (WeCom answered something other than JSON) on {path}", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom {ErrorCode} on {Path}: retry {Retry} after {Delay}")]
    private static partial void LogBackOff(ILogger logger, int errorCode, string path, TimeSpan delay, int retry);

    [LoggerMessage(Level = LogLevel.Information, Message = "WeCom rejected the access token ({ErrorCode}) on {Path}: fetching a new one and retrying once")]
    private static partial void LogTokenRejected(ILogger logger, int errorCode, string path);
}
