using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace StoreStock.Bench.Engine;

/// <summary>
/// Concurrent clients, each taking one write-off at a time through its whole approval over real HTTP: the store's
/// clerk starts it, the card's assignee (the store manager, then for amounts over 500 the regional supervisor)
/// approves it, each in its own request. Every other instance is over 500. When the time is up no new instance is
/// started and the ones in flight are finished.
/// </summary>
public sealed class ApprovalLoad(ChainOrg org, Sessions sessions, HttpClient http)
{
    private static readonly Uri StartPath = new("/api/workflows/instances", UriKind.Relative);
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly JsonSerializerOptions WireFormat = new(JsonSerializerDefaults.Web);
    private static readonly CompleteBody Approve = new("Approve", new ApprovalPayload("同意报损"));

    public async Task<LoadResult> RunAsync(int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var runs = Enumerable.Range(0, clients).Select(c => RunClientAsync(c, started, duration, cancellationToken)).ToList();
        var results = await Task.WhenAll(runs);
        return LoadResult.Combine(results, Stopwatch.GetElapsedTime(started));
    }

    private async Task<LoadResult> RunClientAsync(int client, long started, TimeSpan duration, CancellationToken cancellationToken)
    {
        var result = new LoadResult();
        for (var n = client; Stopwatch.GetElapsedTime(started) < duration && !cancellationToken.IsCancellationRequested; n++)
        {
            var above = n % 2 == 1;
            var store = org.Stores[Random.Shared.Next(org.Stores.Count)];
            try
            {
                if (await RunInstanceAsync(store, above, result, cancellationToken) is { } problem)
                {
                    result.Fail(problem);
                }
                else
                {
                    result.Finished(above);
                }
            }
            catch (Exception e) when ((e is HttpRequestException or TaskCanceledException) && !cancellationToken.IsCancellationRequested)
            {
                result.Fail($"{e.GetType().Name}: {e.Message}");
            }
        }

        return result;
    }

    /// <summary>Starts one write-off and approves it to the end; returns what went wrong, or null.</summary>
    private async Task<string?> RunInstanceAsync(BenchStore store, bool aboveThreshold, LoadResult result, CancellationToken cancellationToken)
    {
        var amount = aboveThreshold
            ? Random.Shared.Next(WriteOffDefinition.RegionalThreshold + 1, 10 * WriteOffDefinition.RegionalThreshold)
            : Random.Shared.Next(1, WriteOffDefinition.RegionalThreshold + 1);
        var (started, failure) = await SendAsync(store.Clerk, StartPath, new StartBody(WriteOffDefinition.Id, store.Id, new WriteOffInput(amount)), result.Starts, cancellationToken);
        if (started is null)
        {
            return $"start: {failure}";
        }

        result.StartAnswered();
        var managerCard = started.SingleCardFor(store.Manager, out var problem);
        if (managerCard is null)
        {
            return $"start: {problem}";
        }

        var (afterManager, managerFailure) = await CompleteAsync(managerCard, store.Manager, result, cancellationToken);
        if (afterManager is null)
        {
            return $"manager approval: {managerFailure}";
        }

        if (!aboveThreshold)
        {
            return afterManager.NotFinished() is { } early ? $"manager approval of {amount}: {early}" : null;
        }

        var supervisorCard = afterManager.SingleCardFor(store.Supervisor, out problem);
        if (supervisorCard is null)
        {
            return $"manager approval of {amount}: {problem}";
        }

        var (afterSupervisor, supervisorFailure) = await CompleteAsync(supervisorCard, store.Supervisor, result, cancellationToken);
        return afterSupervisor is null ? $"supervisor approval: {supervisorFailure}"
            : afterSupervisor.NotFinished() is { } notDone ? $"supervisor approval: {notDone}"
            : null;
    }

    private Task<(StepAnswer? Answer, string? Failure)> CompleteAsync(StepAnswer.Card card, string username, LoadResult result, CancellationToken cancellationToken) =>
        SendAsync(username, new Uri($"/api/tasks/{card.Id}/complete", UriKind.Relative), Approve, result.Resumes, cancellationToken);

    /// <summary>Posts as the user; a 200 answer's latency (request sent → whole answer read) goes to <paramref name="latencies"/>.</summary>
    private async Task<(StepAnswer? Answer, string? Failure)> SendAsync<TBody>(string username, Uri path, TBody body, Latencies latencies, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, WireFormat)) };
        request.Content.Headers.ContentType = Json;
        sessions.Authenticate(request, username);
        var sent = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, cancellationToken);
        var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var latency = Stopwatch.GetElapsedTime(sent);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (null, $"HTTP {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(answer)}");
        }

        latencies.Add(latency);
        return (StepAnswer.Parse(answer), null);
    }

    private sealed record StartBody(string DefinitionId, int StoreId, WriteOffInput Input);

    private sealed record WriteOffInput(int Amount);

    private sealed record CompleteBody(string Outcome, ApprovalPayload Payload);

    private sealed record ApprovalPayload(string Comment);
}
