using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace StoreStock.Bench.Ledger;

/// <summary>
/// Concurrent tills posting receipts of 1–5 distinct random products (quantity 1–3) to a random store, each with a
/// unique external id, over real HTTP. Each client waits for its answer before sending the next receipt; when the
/// time is up no new receipt is sent and the ones in flight are waited for.
/// </summary>
public sealed class TillLoad(Chain chain, HttpClient http, string runId)
{
    private static readonly Uri SalesPath = new("/api/channels/pos/sales", UriKind.Relative);
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly JsonSerializerOptions WireFormat = new(JsonSerializerDefaults.Web);

    public async Task<LoadResult> RunAsync(int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var tills = Enumerable.Range(0, clients).Select(c => RunTillAsync($"{runId}-{c}", started, duration, cancellationToken)).ToList();
        var results = await Task.WhenAll(tills);
        return LoadResult.Combine(results, Stopwatch.GetElapsedTime(started));
    }

    private async Task<LoadResult> RunTillAsync(string tillId, long started, TimeSpan duration, CancellationToken cancellationToken)
    {
        var result = new LoadResult();
        for (var receipt = 1; Stopwatch.GetElapsedTime(started) < duration && !cancellationToken.IsCancellationRequested; receipt++)
        {
            var body = NewReceipt($"{tillId}-{receipt}");
            using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, WireFormat));
            content.Headers.ContentType = Json;
            var sent = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.PostAsync(SalesPath, content, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    result.Acknowledge(body.Lines.Count, body.Lines.Sum(l => l.Quantity), Stopwatch.GetElapsedTime(sent));
                }
                else
                {
                    result.Fail($"HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
            }
            catch (Exception e) when ((e is HttpRequestException or TaskCanceledException) && !cancellationToken.IsCancellationRequested)
            {
                result.Fail($"{e.GetType().Name}: {e.Message}");
            }
        }

        return result;
    }

    private Receipt NewReceipt(string externalId)
    {
        var store = chain.StoreCodes[Random.Shared.Next(chain.StoreCodes.Count)];
        // Distinct products, so each acknowledged line becomes exactly one sale move.
        var products = new HashSet<int>();
        for (var count = Random.Shared.Next(1, 6); products.Count < count;)
        {
            products.Add(Random.Shared.Next(chain.Barcodes.Count));
        }

        return new Receipt(externalId, store, products.Select(p => new ReceiptLine(chain.Barcodes[p], Random.Shared.Next(1, 4))).ToList());
    }

    private sealed record Receipt(string ExternalId, string StoreCode, IReadOnlyList<ReceiptLine> Lines);

    private sealed record ReceiptLine(string Code, int Quantity);
}
