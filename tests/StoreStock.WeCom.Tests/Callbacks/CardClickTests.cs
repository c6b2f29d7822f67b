using System.Net;
using Dapper;

namespace StoreStock.WeCom.Tests.Callbacks;

/// <summary>
/// A click on a write-off approval card completes the task as the clicking user, once, whatever WeCom redelivers;
/// a click that comes too late or from someone the card is not for leaves the task alone and turns that card into
/// what became of it.
/// </summary>
public sealed class CardClickTests(CallbackApp app) : IClassFixture<CallbackApp>
{
    private readonly CallbackSender _wecom = new(app);

    [Fact]
    public async Task Approve_completes_the_task_as_the_clicking_user_and_the_card_says_approved()
    {
        var (instanceId, taskId) = await app.WriteOffAwaitingManagerAsync();
        var card = await app.CardTaskIdAsync(taskId, CallbackApp.ManagerA);

        Assert.Equal(HttpStatusCode.OK, await _wecom.ClickAsync(CallbackApp.ManagerAWeComId, card, "Approve"));

        var clicked = Assert.Single(await app.ProcessedEventsAsync(card));
        Assert.Equal(("processed", "completed", "已同意", (bool?)true), (clicked.Status, clicked.Result, clicked.CardText, clicked.CardUpdated));
        Assert.Equal(new CallbackApp.TaskRow("completed", "user:" + CallbackApp.ManagerA, "Approve", (await app.TaskAsync(taskId)).HistoryLength), await app.TaskAsync(taskId));
        var detail = await app.EventuallyAsync(instanceId, d => d.Status() == "finished", "the write-off to be posted");
        Assert.Contains(("approve", "resumed", "Approved"), detail.Journal());
    }

    [Fact]
    public async Task Reject_turns_the_card_into_rejected()
    {
        var (_, taskId) = await app.WriteOffAwaitingManagerAsync();
        var card = await app.CardTaskIdAsync(taskId, CallbackApp.ManagerA);

        await _wecom.ClickAsync(CallbackApp.ManagerAWeComId, card, "Reject");

        Assert.Equal("已驳回", Assert.Single(await app.ProcessedEventsAsync(card)).CardText);
        Assert.Equal("Reject", (await app.TaskAsync(taskId)).Outcome);
    }

    [Fact]
    public async Task The_same_click_delivered_three_times_completes_the_task_once()
    {
        var (instanceId, taskId) = await app.WriteOffAwaitingManagerAsync();
        var card = await app.CardTaskIdAsync(taskId, CallbackApp.ManagerA);
        var delivery = _wecom.Seal(_wecom.ClickXml(CallbackApp.ManagerAWeComId, card, "Approve"));

        // WeCom resends when it misses the answer; two of the three arrive together.
        var first = await _wecom.PostAsync(delivery);
        var retries = await Task.WhenAll(_wecom.PostAsync(delivery), _wecom.PostAsync(delivery));

        Assert.All(retries.Prepend(first), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal("completed", Assert.Single(await app.ProcessedEventsAsync(card)).Result);
        await Task.Delay(WorkflowProbes.QuietPeriod);
        Assert.Single(await app.EventsAsync(card));
        var detail = await app.InstanceAsync(instanceId);
        Assert.Single(detail.Journal(), j => j.Activity == "approve" && j.Event == "resumed");
        Assert.Single(detail.Card(taskId).HistoryEvents(), e => e == "completed");
    }

    [Fact]
    public async Task A_click_by_someone_the_card_is_not_for_leaves_the_task_open()
    {
        var (instanceId, taskId) = await app.WriteOffAwaitingManagerAsync();
        var card = await app.CardTaskIdAsync(taskId, CallbackApp.ManagerA);
        var journalBefore = await app.JournalCountAsync(instanceId);

        // The clerk of the same store (an unmapped username is its own WeCom userid) and another store's manager.
        await _wecom.ClickAsync(app.ClerkA, card, "Approve");
        await _wecom.ClickAsync(app.ManagerB, card, "Approve");

        var events = await app.ProcessedEventsAsync(card, expected: 2);
        Assert.All(events, e => Assert.Equal(("not_assignee", "无权处理"), (e.Result, e.CardText)));
        Assert.Equal("open", (await app.TaskAsync(taskId)).Status);
        Assert.Equal(journalBefore, await app.JournalCountAsync(instanceId));
    }

    [Fact]
    public async Task A_click_on_a_task_already_decided_in_the_web_shows_who_decided()
    {
        var (instanceId, taskId) = await app.WriteOffAwaitingManagerAsync();
        var card = await app.CardTaskIdAsync(taskId, CallbackApp.ManagerA);
        var (decided, body) = await (await app.ClientAsync(CallbackApp.ManagerA)).PostAsync($"/api/tasks/{taskId}/complete", new { outcome = "Approve", payload = new { } });
        Assert.True(decided == HttpStatusCode.OK, body.ToString());
        var journalBefore = await app.JournalCountAsync(instanceId);

        await _wecom.ClickAsync(CallbackApp.ManagerAWeComId, card, "Reject");

        var clicked = Assert.Single(await app.ProcessedEventsAsync(card));
        Assert.Equal(("already_done", $"已由 {CallbackApp.ManagerADisplayName} 同意"), (clicked.Result, clicked.CardText));
        Assert.Equal("Approve", (await app.TaskAsync(taskId)).Outcome);
        Assert.Equal(journalBefore, await app.JournalCountAsync(instanceId));
    }

    [Fact]
    public async Task After_escalation_the_old_card_says_handed_on_and_the_supervisors_card_decides()
    {
        var submittedAt = app.Clock.GetUtcNow();
        var (instanceId, taskId) = await app.WriteOffAwaitingManagerAsync();
        var managersCard = await app.CardTaskIdAsync(taskId, CallbackApp.ManagerA);

        app.AdvanceTo(submittedAt.AddHours(24).AddMinutes(1));
        await app.EventuallyAsync(instanceId, d => d.Card(taskId).EscalationLevel() == 1, "the 24 h escalation");
        // The write-off escalates in "reassign" mode: the manager is no longer an assignee.
        Assert.Equal([app.Supervisor], (await app.InstanceAsync(instanceId)).Card(taskId).Assignees());

        await _wecom.ClickAsync(CallbackApp.ManagerAWeComId, managersCard, "Approve");
        var late = Assert.Single(await app.ProcessedEventsAsync(managersCard));
        Assert.Equal(("reassigned", "已转交他人处理"), (late.Result, late.CardText));
        Assert.Equal("open", (await app.TaskAsync(taskId)).Status);

        var supervisorsCard = await app.CardTaskIdAsync(taskId, app.Supervisor);
        await _wecom.ClickAsync(app.Supervisor, supervisorsCard, "Approve");
        Assert.Equal("已同意", Assert.Single(await app.ProcessedEventsAsync(supervisorsCard)).CardText);
        Assert.Equal(("completed", "user:" + app.Supervisor), ((await app.TaskAsync(taskId)).Status, (await app.TaskAsync(taskId)).CompletedBy));
    }

    [Theory]
    [InlineData("not-a-storestock-card")]
    [InlineData("t0000000000000000000000000000000a_1")]
    public async Task A_click_on_a_card_StoreStock_does_not_know_says_expired(string cardTaskId)
    {
        Assert.Equal(HttpStatusCode.OK, await _wecom.ClickAsync(CallbackApp.ManagerAWeComId, cardTaskId, "Approve"));

        var clicked = Assert.Single(await app.ProcessedEventsAsync(cardTaskId));
        Assert.Equal(("unknown_task", "已失效"), (clicked.Result, clicked.CardText));
    }

    [Fact]
    public async Task Other_events_are_stored_and_ignored()
    {
        var from = "ignored." + CallbackSender.NewNonce();
        string[] events =
        [
            $"<xml><ToUserName>{_wecom.Options.CorpId}</ToUserName><FromUserName>{from}</FromUserName><CreateTime>{_wecom.Now}</CreateTime><MsgType>text</MsgType><Content>你好</Content><MsgId>{CallbackSender.NewNonce()}</MsgId><AgentID>{_wecom.Options.AgentId}</AgentID></xml>",
            $"<xml><ToUserName>{_wecom.Options.CorpId}</ToUserName><FromUserName>{from}</FromUserName><CreateTime>{_wecom.Now}</CreateTime><MsgType>event</MsgType><Event>enter_agent</Event><EventKey></EventKey><AgentID>{_wecom.Options.AgentId}</AgentID></xml>",
            $"<xml><ToUserName>{_wecom.Options.CorpId}</ToUserName><FromUserName>{from}</FromUserName><CreateTime>{_wecom.Now}</CreateTime><MsgType>event</MsgType><Event>template_card_menu_event</Event><EventKey>mute</EventKey><TaskId>t1</TaskId><ResponseCode>{CallbackSender.NewResponseCode()}</ResponseCode></xml>",
        ];

        foreach (var xml in events)
        {
            Assert.Equal(HttpStatusCode.OK, await _wecom.PostAsync(_wecom.Seal(xml)));
        }

        await using var connection = await app.Db.OpenConnectionAsync();
        var statuses = (await connection.QueryAsync<string>("select status from wecom_callback_event where from_user = @from", new { from })).ToList();
        Assert.Equal(["ignored", "ignored", "ignored"], statuses);
    }
}
