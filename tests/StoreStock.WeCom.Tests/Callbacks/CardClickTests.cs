using System.Net;
using Dapper;
using StoreStock.WeCom.Cards;
using StoreStock.WeComSimulator.Phone;

namespace StoreStock.WeCom.Tests.Callbacks;

/// <summary>
/// Taps on the simulated phones: a click on a write-off approval card completes the task as the clicking user, once,
/// whatever WeCom redelivers, and the card turns into the decision; a click that comes too late or from someone the
/// card is not for leaves the task alone and turns that card into what became of it.
/// </summary>
public sealed class CardClickTests(CallbackApp app) : IClassFixture<CallbackApp>
{
    [Fact]
    public async Task Approve_completes_the_task_as_the_clicking_user_and_the_card_says_approved()
    {
        var (instanceId, taskId) = await app.WriteOffAwaitingManagerAsync();
        var card = await app.CardOnPhoneAsync(taskId, CallbackApp.ManagerA);

        await app.TapAsync(CallbackApp.ManagerA, card, "Approve");

        var clicked = Assert.Single(await app.ProcessedEventsAsync(card));
        Assert.Equal((CallbackApp.ManagerAWeComId, "completed", "已同意", (bool?)true), (clicked.FromUser, clicked.Result, clicked.CardText, clicked.CardUpdated));
        Assert.Equal("已同意", (await app.PhoneCardAsync(CallbackApp.ManagerA, card)).ReplaceText);
        var task = await app.TaskAsync(taskId);
        Assert.Equal(("completed", "user:" + CallbackApp.ManagerA, "Approve"), (task.Status, task.CompletedBy, task.Outcome));
        var detail = await app.EventuallyAsync(instanceId, d => d.Status() == "finished", "the write-off to be posted");
        Assert.Contains(("approve", "resumed", "Approved"), detail.Journal());
    }

    [Fact]
    public async Task Reject_turns_the_card_into_rejected()
    {
        var (_, taskId) = await app.WriteOffAwaitingManagerAsync();
        var card = await app.CardOnPhoneAsync(taskId, CallbackApp.ManagerA);

        await app.TapAsync(CallbackApp.ManagerA, card, "Reject");

        await app.ProcessedEventsAsync(card);
        Assert.Equal("已驳回", (await app.PhoneCardAsync(CallbackApp.ManagerA, card)).ReplaceText);
        Assert.Equal("Reject", (await app.TaskAsync(taskId)).Outcome);
    }

    [Fact]
    public async Task The_same_click_delivered_three_times_completes_the_task_once()
    {
        var (instanceId, taskId) = await app.WriteOffAwaitingManagerAsync();
        var card = await app.CardOnPhoneAsync(taskId, CallbackApp.ManagerA);

        // WeCom resends what it thinks was missed, byte for byte; two of the three arrive together.
        var click = await app.TapAsync(CallbackApp.ManagerA, card, "Approve");
        var replays = await Task.WhenAll(app.ReplayAsync(click), app.ReplayAsync(click));

        Assert.All(replays, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal("completed", Assert.Single(await app.ProcessedEventsAsync(card)).Result);
        await Task.Delay(WorkflowProbes.QuietPeriod);
        Assert.Single(await app.EventsAsync(card));
        var detail = await app.InstanceAsync(instanceId);
        Assert.Single(detail.Journal(), j => j.Activity == "approve" && j.Event == "resumed");
        Assert.Single(detail.Card(taskId).HistoryEvents(), e => e == "completed");
        Assert.Equal("已同意", (await app.PhoneCardAsync(CallbackApp.ManagerA, card)).ReplaceText);
    }

    [Fact]
    public async Task A_click_by_someone_the_card_is_not_for_leaves_the_task_open()
    {
        var (instanceId, taskId) = await app.WriteOffAwaitingManagerAsync();
        // A copy of the task's card that reached the store's clerk and another store's manager (StoreStock never sends them one).
        var card = CardTaskId.Format(taskId, 999_999_999);
        await app.SendCardAsync(card, app.ClerkA, app.ManagerB);
        var journalBefore = await app.JournalCountAsync(instanceId);

        await app.TapAsync(app.ClerkA, card, "Approve");
        await app.TapAsync(app.ManagerB, card, "Approve");

        var events = await app.ProcessedEventsAsync(card, expected: 2);
        Assert.All(events, e => Assert.Equal(("not_assignee", "无权处理", (bool?)true), (e.Result, e.CardText, e.CardUpdated)));
        Assert.Equal("无权处理", (await app.PhoneCardAsync(app.ClerkA, card)).ReplaceText);
        Assert.Equal("open", (await app.TaskAsync(taskId)).Status);
        Assert.Equal(journalBefore, await app.JournalCountAsync(instanceId));
    }

    [Fact]
    public async Task A_click_on_a_task_already_decided_in_the_web_shows_who_decided()
    {
        var (instanceId, taskId) = await app.WriteOffAwaitingManagerAsync();
        var card = await app.CardOnPhoneAsync(taskId, CallbackApp.ManagerA);
        var (decided, body) = await (await app.ClientAsync(CallbackApp.ManagerA)).PostAsync($"/api/tasks/{taskId}/complete", new { outcome = "Approve", payload = new { } });
        Assert.True(decided == HttpStatusCode.OK, body.ToString());
        await app.EventuallyAsync(instanceId, d => d.Status() == "finished", "the write-off to be posted");
        var journalBefore = await app.JournalCountAsync(instanceId);

        await app.TapAsync(CallbackApp.ManagerA, card, "Reject");

        var clicked = Assert.Single(await app.ProcessedEventsAsync(card));
        Assert.Equal("already_done", clicked.Result);
        Assert.Equal($"已由 {CallbackApp.ManagerADisplayName} 同意", (await app.PhoneCardAsync(CallbackApp.ManagerA, card)).ReplaceText);
        Assert.Equal("Approve", (await app.TaskAsync(taskId)).Outcome);
        Assert.Equal(journalBefore, await app.JournalCountAsync(instanceId));
    }

    [Fact]
    public async Task After_escalation_the_old_card_says_handed_on_and_the_supervisors_card_decides()
    {
        var submittedAt = app.Clock.GetUtcNow();
        var (instanceId, taskId) = await app.WriteOffAwaitingManagerAsync();
        var managersCard = await app.CardOnPhoneAsync(taskId, CallbackApp.ManagerA);

        app.AdvanceTo(submittedAt.AddHours(24).AddMinutes(1));
        await app.EventuallyAsync(instanceId, d => d.Card(taskId).EscalationLevel() == 1, "the 24 h escalation");
        // The write-off escalates in "reassign" mode: the supervisor replaces the manager on the card.
        Assert.Equal([app.Supervisor], (await app.InstanceAsync(instanceId)).Card(taskId).Assignees());
        var supervisorsCard = await app.CardOnPhoneAsync(taskId, app.Supervisor);

        await app.TapAsync(CallbackApp.ManagerA, managersCard, "Approve");
        Assert.Equal("reassigned", Assert.Single(await app.ProcessedEventsAsync(managersCard)).Result);
        Assert.Equal("已转交他人处理", (await app.PhoneCardAsync(CallbackApp.ManagerA, managersCard)).ReplaceText);
        Assert.Equal("open", (await app.TaskAsync(taskId)).Status);

        await app.TapAsync(app.Supervisor, supervisorsCard, "Approve");
        await app.ProcessedEventsAsync(supervisorsCard);
        Assert.Equal("已同意", (await app.PhoneCardAsync(app.Supervisor, supervisorsCard)).ReplaceText);
        var task = await app.TaskAsync(taskId);
        Assert.Equal(("completed", "user:" + app.Supervisor), (task.Status, task.CompletedBy));
    }

    [Fact]
    public async Task A_card_update_that_fails_is_retried_and_never_completes_the_task_again()
    {
        var (_, briefOutage) = await app.WriteOffAwaitingManagerAsync();
        var cardA = await app.CardOnPhoneAsync(briefOutage, CallbackApp.ManagerA);
        var (instanceId, longOutage) = await app.WriteOffAwaitingManagerAsync();
        var cardB = await app.CardOnPhoneAsync(longOutage, CallbackApp.ManagerA);

        // Two failed calls, then WeCom answers: the third attempt lands.
        await app.OutageAsync("unreachable", calls: 2);
        await app.TapAsync(CallbackApp.ManagerA, cardA, "Approve");
        Assert.Equal((bool?)true, Assert.Single(await app.ProcessedEventsAsync(cardA)).CardUpdated);
        Assert.Equal("已同意", (await app.PhoneCardAsync(CallbackApp.ManagerA, cardA)).ReplaceText);

        // WeCom stays away: the task is done, the card is left as it was and the failure is recorded.
        await app.OutageAsync("unreachable");
        await app.TapAsync(CallbackApp.ManagerA, cardB, "Approve");
        var failed = Assert.Single(await app.ProcessedEventsAsync(cardB));
        await app.OutageAsync("none");
        Assert.Equal(("completed", (bool?)false), (failed.Result, failed.CardUpdated));
        Assert.NotNull(failed.LastError);
        Assert.Equal("completed", (await app.TaskAsync(longOutage)).Status);
        var journal = await app.JournalCountAsync(instanceId);
        await Task.Delay(WorkflowProbes.QuietPeriod);
        Assert.Equal(failed, Assert.Single(await app.EventsAsync(cardB)));
        Assert.Equal(journal, await app.JournalCountAsync(instanceId));
        Assert.Null((await app.PhoneCardAsync(CallbackApp.ManagerA, cardB)).ReplaceText);
    }

    [Theory]
    [InlineData("not-a-storestock-card")]
    [InlineData("t0000000000000000000000000000000a_1")]
    public async Task A_click_on_a_card_StoreStock_does_not_know_says_invalid(string cardTaskId)
    {
        await app.SendCardAsync(cardTaskId, CallbackApp.ManagerA);

        await app.TapAsync(CallbackApp.ManagerA, cardTaskId, "Approve");

        Assert.Equal("unknown_task", Assert.Single(await app.ProcessedEventsAsync(cardTaskId)).Result);
        Assert.Equal("已失效", (await app.PhoneCardAsync(CallbackApp.ManagerA, cardTaskId)).ReplaceText);
    }

    [Fact]
    public async Task Other_events_are_stored_and_ignored()
    {
        var wecom = new CallbackSender(app);
        var from = "ignored." + TemplateCardEvent.NewNonce();
        var head = $"<xml><ToUserName>{wecom.Options.CorpId}</ToUserName><FromUserName>{from}</FromUserName><CreateTime>{wecom.Now}</CreateTime>";
        string[] events =
        [
            $"{head}<MsgType>text</MsgType><Content>你好</Content><MsgId>{TemplateCardEvent.NewNonce()}</MsgId><AgentID>{wecom.Options.AgentId}</AgentID></xml>",
            $"{head}<MsgType>event</MsgType><Event>enter_agent</Event><EventKey></EventKey><AgentID>{wecom.Options.AgentId}</AgentID></xml>",
            $"{head}<MsgType>event</MsgType><Event>template_card_menu_event</Event><EventKey>mute</EventKey><TaskId>t1</TaskId><ResponseCode>{CallbackSender.NewResponseCode()}</ResponseCode></xml>",
            $"{head}<MsgType>event</MsgType><Event>change_contact</Event><ChangeType>update_user</ChangeType><UserID>{from}</UserID></xml>",
        ];

        foreach (var xml in events)
        {
            Assert.Equal(HttpStatusCode.OK, await wecom.PostAsync(wecom.Seal(xml)));
        }

        await using var connection = await app.Db.OpenConnectionAsync();
        var statuses = (await connection.QueryAsync<string>("select status from wecom_callback_event where from_user = @from", new { from })).ToList();
        Assert.Equal(["ignored", "ignored", "ignored", "ignored"], statuses);
    }
}
