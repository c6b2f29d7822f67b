using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StoreStock.Inventory.Access;
using StoreStock.WeCom.Cards;
using StoreStock.WeCom.Client;
using StoreStock.WeCom.Tests.Simulator;
using StoreStock.WeComSimulator.Phone;

namespace StoreStock.WeCom.Tests.Callbacks;

/// <summary>
/// The host with the shipped write-off workflow over one region: store A with a clerk and a manager (known in WeCom by
/// another userid, so the mapping is exercised), store B's manager, the region's supervisor and HQ.
/// </summary>
public class CallbackApp : WorkflowHostApp
{
    public const string ManagerA = "mgr.a";
    public const string ManagerAWeComId = "WangDianZhang";
    public const string ManagerADisplayName = "王店长";

    public TestOrg.StoreRow StoreA { get; private set; } = null!;

    public string ClerkA { get; private set; } = "";

    public string ManagerB { get; private set; } = "";

    public string Supervisor { get; private set; } = "";

    protected override int? DefaultStoreId => StoreA.Id;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(SimulatorApi.Settings(base.Settings))
    {
        [$"WeCom:Users:{ManagerA}"] = ManagerAWeComId,
        ["WeCom:Callback:CardUpdateBackoff"] = "00:00:00.050",
    };

    public WeComOptions WeCom => Services.GetRequiredService<IOptions<WeComOptions>>().Value;

    protected override async Task SeedAsync()
    {
        var region = await Org.RegionAsync();
        StoreA = await Org.StoreAsync(region);
        var storeB = await Org.StoreAsync(region);
        ClerkA = await Org.UserAsync(Role.Clerk, storeId: StoreA.Id);
        await Org.UserAsync(Role.StoreManager, storeId: StoreA.Id, username: ManagerA);
        ManagerB = await Org.UserAsync(Role.StoreManager, storeId: storeB.Id);
        Supervisor = await Org.UserAsync(Role.RegionalSupervisor, regionId: region);
        Hq = await Org.UserAsync(Role.HqAdmin);
        await using var connection = await Db.OpenConnectionAsync();
        await connection.ExecuteAsync("update app_user set display_name = @name where username = @user", new { name = ManagerADisplayName, user = ManagerA });
    }

    /// <summary>A write-off of 5 × 4 元 submitted by the clerk; returns its instance and the manager's open approval card.</summary>
    public async Task<(Guid InstanceId, Guid TaskId)> WriteOffAwaitingManagerAsync()
    {
        var product = await Org.ProductAsync(cost: 4m, price: 8m);
        await OpeningStockAsync(StoreA.SellingLocationId, product.Id, 50, 4m);
        var (status, body) = await (await ClientAsync(ClerkA)).PostAsync("/api/write-offs", WriteOffApi.Request(StoreA, (product.Sku, 5m)));
        Assert.True(status == HttpStatusCode.Created, body.ToString());
        var instanceId = body.GetProperty("instanceId").GetGuid();
        var taskId = (await InstanceAsync(instanceId)).GetProperty("tasks").EnumerateArray()
            .Single(t => t.CardStatus() == "open").GetProperty("id").GetGuid();
        return (instanceId, taskId);
    }

    /// <summary>Waits (real time) for the outbox delivery to put the task's card on the user's simulated phone; returns its task_id.</summary>
    public async Task<string> CardOnPhoneAsync(Guid taskId, string username)
    {
        string? cardTaskId = null;
        await WorkflowProbes.UntilAsync(async () =>
        {
            cardTaskId = (await PhoneAsync(username)).FirstOrDefault(m => CardTaskId.TryParse(m.Card?.TaskId, out var id, out _) && id == taskId)?.Card!.TaskId;
            return cardTaskId is not null;
        }, $"the card of task {taskId} on {username}'s phone");
        return cardTaskId!;
    }

    /// <summary>
    /// Sends an approval card with this task_id to the users' phones through the real client, as the delivery would
    /// (one message: a task_id is used once, ever), for cards the outbox never carried.
    /// </summary>
    public Task SendCardAsync(string cardTaskId, params string[] usernames) =>
        Services.GetRequiredService<IWeComClient>().SendAsync(
            SimMessages.Approval(string.Join('|', usernames.Select(WeCom.WeComUserId)), cardTaskId), CancellationToken.None);

    /// <summary>Taps a button on the user's simulated phone: the simulator seals and posts the click to /wecom/callback.</summary>
    public async Task<ClickResult> TapAsync(string username, string cardTaskId, string key)
    {
        var (status, click, body) = await this.ClickAsync(WeCom.WeComUserId(username), cardTaskId, key);
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.True(click!.CallbackStatus == 200, $"StoreStock answered the click with {click.CallbackStatus}: {click.Error}");
        return click;
    }

    /// <summary>Posts a click's callback again exactly as before, as WeCom does when it missed the answer.</summary>
    public async Task<HttpStatusCode> ReplayAsync(ClickResult click) => (HttpStatusCode)(await this.ReplayAsync(click.CallbackId)).CallbackStatus;

    /// <summary>The user's copy of the card on their simulated phone, as it stands now.</summary>
    public async Task<CardView> PhoneCardAsync(string username, string cardTaskId) =>
        (await PhoneAsync(username)).Last(m => m.Card?.TaskId == cardTaskId).Card!;

    private Task<List<MessageView>> PhoneAsync(string username) => this.MessagesAsync(WeCom.WeComUserId(username));

    /// <summary>The template card task_id the delivery gave the task's card to the user (from the outbox row that carried it).</summary>
    public async Task<string> CardTaskIdAsync(Guid taskId, string username)
    {
        var outboxId = await this.ScalarAsync<long>(
            "select max(id) from wf_outbox where task_id = @taskId and recipient = @username and kind in ('task', 'escalate')",
            new { taskId, username });
        Assert.True(outboxId > 0, $"no card was queued for {username}");
        return CardTaskId.Format(taskId, outboxId);
    }

    public async Task<TaskRow> TaskAsync(Guid taskId)
    {
        await using var connection = await Db.OpenConnectionAsync();
        return await connection.QuerySingleAsync<TaskRow>(
            "select status, completed_by as CompletedBy, outcome, jsonb_array_length(history) as HistoryLength from wf_task where id = @taskId", new { taskId });
    }

    public Task<long> JournalCountAsync(Guid instanceId) => this.CountAsync("select count(*) from wf_journal where instance_id = @instanceId", new { instanceId });

    public Task<long> EventCountAsync() => this.CountAsync("select count(*) from wecom_callback_event");

    /// <summary>The stored callbacks of a card (task_id), oldest first.</summary>
    public async Task<IReadOnlyList<EventRow>> EventsAsync(string cardTaskId)
    {
        await using var connection = await Db.OpenConnectionAsync();
        return (await connection.QueryAsync<EventRow>(
            """
            select id, from_user as FromUser, status, result, card_text as CardText, card_updated as CardUpdated, last_error as LastError
            from wecom_callback_event where task_id = @cardTaskId order by id
            """, new { cardTaskId })).ToList();
    }

    /// <summary>Waits (real time) until every stored callback of the card has been handled, and returns them.</summary>
    public async Task<IReadOnlyList<EventRow>> ProcessedEventsAsync(string cardTaskId, int expected = 1)
    {
        IReadOnlyList<EventRow> events = [];
        await WorkflowProbes.UntilAsync(async () =>
        {
            events = await EventsAsync(cardTaskId);
            return events.Count >= expected && events.All(e => e.Status != "pending");
        }, $"the callback of {cardTaskId} to be processed");
        return events;
    }

    public sealed record TaskRow(string Status, string? CompletedBy, string? Outcome, int HistoryLength);

    public sealed record EventRow(long Id, string FromUser, string Status, string? Result, string? CardText, bool? CardUpdated, string? LastError);
}
