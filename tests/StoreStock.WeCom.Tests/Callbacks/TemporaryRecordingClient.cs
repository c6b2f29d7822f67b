using System.Collections.Concurrent;
using StoreStock.WeCom.Client;

namespace StoreStock.WeCom.Tests.Callbacks;

// TEMPORARY until the real client lands: records card updates.
public sealed class TemporaryRecordingClient : IWeComClient
{
    public ConcurrentQueue<TemplateCardUpdate> Updates { get; } = new();

    public Task<SendResult> SendAsync(AppMessage message, CancellationToken ct) => throw new NotSupportedException();

    public Task UpdateTemplateCardAsync(TemplateCardUpdate update, CancellationToken ct)
    {
        Updates.Enqueue(update);
        return Task.CompletedTask;
    }
}
