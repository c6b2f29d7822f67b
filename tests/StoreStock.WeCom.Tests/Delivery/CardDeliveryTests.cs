using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using StoreStock.WeCom.Cards;

namespace StoreStock.WeCom.Tests.Delivery;

/// <summary>What each outbox message becomes on the member's simulated phone.</summary>
[Collection(DeliveryCollection.Name)]
public sealed class CardDeliveryTests(DeliveryApp app)
{
    [Fact]
    public async Task A_write_off_reaches_the_store_manager_as_an_approve_reject_card_and_approving_greys_out_the_other_managers_card()
    {
        var product = await app.Org.ProductAsync(cost: 4m);
        await app.OpeningStockAsync(app.StoreA.SellingLocationId, product.Id, 50, 4m);
        var (submitted, writeOff) = await (await app.ClientAsync(app.ClerkA)).PostAsync("/api/write-offs", new
        {
            locationCode = app.StoreA.Code + "-F",
            reason = "damaged",
            photoUrl = "https://img.example.cn/writeoff/broken.jpg",
            lines = new[] { new { code = product.Sku, quantity = 10 } },
        });
        Assert.True(submitted == HttpStatusCode.Created, writeOff.ToString());
        var number = writeOff.GetProperty("document").GetProperty("number").GetString()!;
        var outbox = await app.RowsAsync("instance_id = @id and kind = 'task'", new { id = writeOff.GetProperty("instanceId").GetGuid() });
        var toManager = Assert.Single(outbox, r => r.Recipient == app.ManagerA);
        var taskId = toManager.TaskId!.Value;

        // The manager's username maps to another WeCom userid: the card lands on that phone.
        var message = await app.MessageAsync(DeliveryApp.ManagerAUserId, m => IsCard(m, taskId), "the write-off card on the manager's phone");
        var card = message.GetProperty("card");
        Assert.Equal("button_interaction", card.GetProperty("cardType").GetString());
        Assert.Equal(CardTaskId.Format(taskId, toManager.Id), card.TaskId());
        var drawn = card.Current();
        // "店长审批报损 BS…（40.00 元）" is longer than a card title: cut with "…", and whole above the body.
        var title = drawn.GetProperty("main_title").GetProperty("title").GetString()!;
        Assert.StartsWith("店长审批报损 " + number, title, StringComparison.Ordinal);
        Assert.Equal(26, title.EnumerateRunes().Count());
        Assert.EndsWith("…", title, StringComparison.Ordinal);
        Assert.StartsWith($"店长审批报损 {number}（40.00 元）\n报损原因 damaged", drawn.GetProperty("sub_title_text").GetString(), StringComparison.Ordinal);
        Assert.Equal("门店库存", drawn.GetProperty("source").GetProperty("desc").GetString());
        var buttons = drawn.GetProperty("button_list").EnumerateArray().Select(b => (b.GetProperty("text").GetString(), b.GetProperty("key").GetString(), b.GetProperty("style").GetInt32())).ToList();
        Assert.Equal([("同意", "Approve", 1), ("驳回", "Reject", 2)], buttons);
        var facts = drawn.GetProperty("horizontal_content_list").EnumerateArray().ToDictionary(f => f.GetProperty("keyname").GetString()!, f => f.GetProperty("value").GetString()!);
        Assert.Equal(app.StoreA.Code + "店", facts["门店"]);
        var due = app.Clock.GetUtcNow().AddHours(24).ToOffset(TimeSpan.FromHours(8));
        Assert.Equal(due.ToString("M月d日 HH:mm", CultureInfo.InvariantCulture), facts["截止"]);
        Assert.NotNull(await app.ScalarAsync<string?>("select response_code from wecom_card where wecom_task_id = @id", new { id = card.TaskId() }));

        var otherCard = await app.MessageAsync(app.ManagerA2, m => IsCard(m, taskId), "the second manager's card");
        var (approved, _) = await (await app.ClientAsync(app.ManagerA)).PostAsync($"/api/tasks/{taskId}/complete", new { outcome = "Approve", payload = new { } });
        Assert.Equal(HttpStatusCode.OK, approved);

        var greyed = await app.MessageAsync(app.ManagerA2, m => IsCard(m, taskId) && m.GetProperty("card").GetProperty("state").GetString() == "replaced",
            "the second manager's card greyed out");
        Assert.Equal($"已由 {app.ManagerA} 同意", greyed.GetProperty("card").GetProperty("replaceText").GetString());
        Assert.Equal(otherCard.GetProperty("card").TaskId(), greyed.GetProperty("card").TaskId());
    }

    [Fact]
    public async Task A_reminder_and_an_escalation_say_so_and_the_escalation_lands_on_the_supervisors_phone()
    {
        await app.PublishAsync(Definitions.Approval("dl-deadline", "store_manager", new { remindAfter = "PT1H", escalateAfter = "PT2H" }));
        var taskId = (await app.StartAsync("dl-deadline", new { amount = 700, note = "冷柜整柜报损" })).NewTaskId();
        await app.MessageAsync(DeliveryApp.ManagerAUserId, m => IsCard(m, taskId), "the card");

        app.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var reminder = (await app.MessageAsync(DeliveryApp.ManagerAUserId, m => IsCard(m, taskId) && Desc(m) == "门店库存 · 提醒", "the reminder card")).GetProperty("card").Current();
        Assert.Equal("提醒：报损 700 元", reminder.GetProperty("main_title").GetProperty("title").GetString());
        Assert.Equal("button_interaction", reminder.GetProperty("card_type").GetString());

        app.Clock.Advance(TimeSpan.FromHours(1));
        var escalated = (await app.MessageAsync(app.EastSupervisor, m => IsCard(m, taskId), "the escalated card on the supervisor's phone")).GetProperty("card").Current();
        Assert.Equal("门店库存 · 已升级", escalated.GetProperty("source").GetProperty("desc").GetString());
        Assert.Equal("升级：报损 700 元", escalated.GetProperty("main_title").GetProperty("title").GetString());
        Assert.Contains(escalated.GetProperty("horizontal_content_list").EnumerateArray(),
            f => f.GetProperty("keyname").GetString() == "级别" && f.GetProperty("value").GetString() == "已升级 1 级");
        Assert.Equal(["同意", "驳回"], escalated.GetProperty("button_list").EnumerateArray().Select(b => b.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task A_card_that_needs_a_form_becomes_a_notice_that_opens_the_task_page()
    {
        await app.PublishAsync(Definitions.Count("dl-count"));
        var started = await app.StartAsync("dl-count");
        var taskId = started.NewTaskId();

        var message = await app.MessageAsync(app.ClerkA, m => IsCard(m, taskId), "the count card on the clerk's phone");
        var drawn = message.GetProperty("card").Current();
        Assert.Equal("text_notice", drawn.GetProperty("card_type").GetString());
        Assert.Equal(1, drawn.GetProperty("card_action").GetProperty("type").GetInt32());
        var url = drawn.GetProperty("card_action").GetProperty("url").GetString()!;
        Assert.Matches($"^http://[^/]+:[0-9]+/tasks/{taskId}$", url);
        Assert.Equal("盘点冷柜", drawn.GetProperty("main_title").GetProperty("title").GetString());
        Assert.Equal("请清点冷柜里的可乐", drawn.GetProperty("sub_title_text").GetString());
        Assert.False(drawn.TryGetProperty("button_list", out _));
    }

    [Fact]
    public async Task A_notification_becomes_text_and_a_long_one_is_cut_to_2048_bytes_without_splitting_a_character()
    {
        await app.PublishAsync(Definitions.Notice("dl-notice", app.ClerkA));
        var longBody = string.Concat(Enumerable.Repeat("可乐库存不足🥤", 200));
        await app.StartAsync("dl-notice", new { title = "低库存提醒", note = "可乐只剩 2 瓶" });
        await app.StartAsync("dl-notice", new { title = "超长提醒", note = longBody });

        var text = await app.MessageAsync(app.ClerkA, m => m.GetProperty("type").GetString() == "text" && Content(m).StartsWith("低库存提醒", StringComparison.Ordinal), "the notification");
        Assert.StartsWith("低库存提醒\n可乐只剩 2 瓶\n", Content(text), StringComparison.Ordinal);

        var cut = Content(await app.MessageAsync(app.ClerkA, m => m.GetProperty("type").GetString() == "text" && Content(m).StartsWith("超长提醒", StringComparison.Ordinal), "the long notification"));
        Assert.InRange(Encoding.UTF8.GetByteCount(cut), 2000, 2048);
        Assert.Contains("…\n（消息编号 ", cut, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', cut);
        new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(cut); // a split surrogate pair would throw
    }

    [Fact]
    public async Task A_card_whose_task_closed_while_WeCom_was_down_is_not_sent_when_it_returns()
    {
        await app.OutageAsync("unreachable");
        try
        {
            var started = await app.StartAsync("dl-approve", new { amount = 80, note = "冷柜坏了" });
            var taskId = started.NewTaskId();
            await app.UntilCountAsync("select count(*) from wf_outbox where task_id = @taskId and kind = 'task' and attempts = 1 and last_error is not null and lease_until is null",
                2, "both managers' cards failing once", new { taskId });

            var (rejected, _) = await (await app.ClientAsync(app.ManagerA2)).PostAsync($"/api/tasks/{taskId}/complete", new { outcome = "Reject", payload = new { comment = "不属实" } });
            Assert.Equal(HttpStatusCode.OK, rejected);
            await app.OutageAsync("none");
            app.Clock.Advance(TimeSpan.FromSeconds(11));

            await app.UntilCountAsync("select count(*) from wf_outbox where task_id = @taskId and status = 'sent'", 3, "the cards and the closing settled", new { taskId });
            var rows = await app.RowsAsync("task_id = @taskId", new { taskId });
            Assert.All(rows.Where(r => r.Kind == "task"), r => Assert.Contains("任务已完成", r.Note, StringComparison.Ordinal));
            Assert.DoesNotContain(await app.PhoneAsync(DeliveryApp.ManagerAUserId), m => IsCard(m, taskId));
            Assert.DoesNotContain(await app.PhoneAsync(app.ManagerA2), m => IsCard(m, taskId));
        }
        finally
        {
            await app.OutageAsync("none");
        }
    }

    private static bool IsCard(JsonElement message, Guid taskId) =>
        message.GetProperty("card") is { ValueKind: JsonValueKind.Object } card && CardTaskId.TryParse(card.TaskId(), out var id, out _) && id == taskId;

    private static string? Desc(JsonElement message) => message.GetProperty("card").Current().GetProperty("source").GetProperty("desc").GetString();

    private static string Content(JsonElement message) => message.GetProperty("content").GetProperty("content").GetString()!;
}
