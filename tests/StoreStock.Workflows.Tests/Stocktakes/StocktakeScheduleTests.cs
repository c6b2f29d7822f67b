using System.Globalization;
using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using StoreStock.Workflows.Stocktakes;
using StoreStock.Workflows.Stocktakes.Scheduling;

namespace StoreStock.Workflows.Tests.Stocktakes;

/// <summary>Deadlines and schedules of counts, driven by the test clock: escalation, missed counts, and Quartz firing a schedule's cron.</summary>
public sealed class StocktakeScheduleTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    private static readonly TimeZoneInfo ChinaTime = StoreStock.Inventory.Shared.BusinessDay.China;
    private readonly Counting _counting = new(app);

    [Fact]
    public async Task A_count_not_submitted_by_its_deadline_escalates_to_the_manager_then_is_marked_missed()
    {
        var product = await app.ProductWithStockAsync(3m, (app.StoreA.SellingLocationId, 4));
        var openedAt = app.Clock.GetUtcNow();
        var opened = await _counting.StartAsync(app.ManagerA, app.StoreA, Counting.Listed(product), countDeadline: "PT2H", missedAfter: "PT4H");
        var instance = Counting.InstanceOf(opened);
        Assert.Equal(openedAt + TimeSpan.FromHours(2), opened.GetProperty("deadline").GetDateTimeOffset());

        app.AdvanceTo(openedAt + TimeSpan.FromHours(2));
        var detail = await app.EventuallyAsync(instance, d => d.Card("count").EscalationLevel() > 0, "the escalation at the deadline");
        Assert.Equal([app.ClerkA, app.ClerkA2, app.ManagerA], detail.Card("count").Assignees().Order(StringComparer.Ordinal));
        Assert.Equal([app.ManagerA], await app.RecipientsAsync(instance, "escalate"));

        app.AdvanceTo(openedAt + TimeSpan.FromHours(4));
        detail = await app.EventuallyAsync(instance, d => d.Status() == "finished", "the count missed");
        Assert.Equal("expired", detail.Card("count").CardStatus());
        Assert.Equal("missed", (await _counting.GetAsync(app.ManagerA, Counting.NumberOf(opened))).GetProperty("status").GetString());
        Assert.Empty(await app.RecipientsAsync(instance, "notify"));   // an ad-hoc count has no schedule to miss twice
        Assert.Equal(HttpStatusCode.Conflict, (await _counting.TryCountAsync(app.ClerkA, Counting.NumberOf(opened), (product.Sku, 4))).Status);
    }

    [Fact]
    public async Task Two_scheduled_counts_missed_in_a_row_tell_the_manager_and_the_supervisor_and_a_posted_count_between_resets_the_run()
    {
        var product = await app.ProductWithStockAsync(3m, (app.StoreC.SellingLocationId, 6));
        var schedule = await CreateScheduleAsync(app.Hq, app.StoreC, "0 0 12 1 6 ? 2099", countDeadline: "PT1H", missedAfter: "PT2H");
        var scheduleId = schedule.GetProperty("id").GetInt32();
        Assert.Equal(2099, schedule.GetProperty("nextFireAt").GetDateTimeOffset().Year);

        var first = await MissScheduledCountAsync(scheduleId);
        Assert.Empty(await app.RecipientsAsync(first, "notify"));
        Assert.Equal(1, await ConsecutiveMissedAsync(scheduleId));

        var (posted, number) = await StartScheduledAsync(scheduleId);
        await _counting.CountAsync(app.ClerkC, number, (product.Sku, 6));
        await _counting.SubmitAsync(app.ClerkC, posted);
        await _counting.DecideAsync(app.ManagerC, posted, "Approve");
        await app.EventuallyAsync(posted, d => d.Status() == "finished", "the scheduled count posted");
        Assert.Equal(0, await ConsecutiveMissedAsync(scheduleId));

        var third = await MissScheduledCountAsync(scheduleId);
        Assert.Empty(await app.RecipientsAsync(third, "notify"));
        var fourth = await MissScheduledCountAsync(scheduleId);
        Assert.Equal(2, await ConsecutiveMissedAsync(scheduleId));
        var told = (await app.OutboxAsync(fourth)).Where(m => m.Kind == "notify").ToList();
        Assert.Equal(new[] { app.ManagerC, app.SouthSupervisor }.Order(StringComparer.Ordinal), told.Select(m => m.Recipient).Order(StringComparer.Ordinal));
        Assert.All(told, m => Assert.Equal("连续两次未完成盘点", m.Title));
    }

    [Fact]
    public async Task A_schedule_fires_by_its_cron_when_the_clock_passes_the_time_and_once_per_firing()
    {
        await app.ProductWithStockAsync(3m, (app.StoreB.SellingLocationId, 2));
        var local = TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), ChinaTime).AddHours(3);
        var fireAt = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, local.Offset);
        var cron = string.Create(CultureInfo.InvariantCulture, $"0 {fireAt.Minute} {fireAt.Hour} {fireAt.Day} {fireAt.Month} ? {fireAt.Year}");
        var schedule = await CreateScheduleAsync(app.ManagerB, app.StoreB, cron);
        var scheduleId = schedule.GetProperty("id").GetInt32();
        Assert.Equal(fireAt, schedule.GetProperty("nextFireAt").GetDateTimeOffset());

        app.AdvanceTo(fireAt + TimeSpan.FromSeconds(1));
        await WorkflowProbes.UntilAsync(async () => (await CountsOfAsync(scheduleId)).Count > 0, "the scheduled count");
        var count = Assert.Single(await CountsOfAsync(scheduleId));
        Assert.Equal(fireAt, count.GetProperty("scheduledFor").GetDateTimeOffset());
        Assert.Equal("counting", count.GetProperty("status").GetString());

        // The same firing delivered again opens nothing.
        Assert.Null(await app.Services.GetRequiredService<StocktakeStarter>().StartScheduledAsync(scheduleId, fireAt, CancellationToken.None));
        Assert.Single(await CountsOfAsync(scheduleId));

        var (deleted, _) = await DeleteAsync(app.ManagerB, scheduleId);
        Assert.Equal(HttpStatusCode.OK, deleted);
        Assert.Equal(0, await QuartzTriggersAsync(scheduleId));
    }

    [Fact]
    public async Task Schedules_refuse_a_bad_cron_or_scope_and_only_HQ_or_the_stores_manager_manage_them()
    {
        var hq = await _counting.As(app.Hq);
        var (badCron, badCronBody) = await hq.PostAsync("/api/stocktake-schedules", new { storeCode = app.StoreA.Code, name = "每周全盘", cron = "0 0 25 * * ?" });
        Assert.Equal(HttpStatusCode.BadRequest, badCron);
        Assert.Equal(["cron"], badCronBody.ErrorFields());
        var (badScope, badScopeBody) = await hq.PostAsync("/api/stocktake-schedules",
            new { storeCode = "NOPE", name = "", cron = "0 0 22 ? * SUN", scope = new { kind = "categories", ids = new[] { -1 } } });
        Assert.Equal(HttpStatusCode.BadRequest, badScope);
        Assert.Equal(["name", "scope.ids[0]", "storeCode"], badScopeBody.ErrorFields().Order(StringComparer.Ordinal));
        Assert.Empty(await SchedulesAsync(app.ManagerA));

        var (forbidden, _) = await (await _counting.As(app.ManagerB)).PostAsync("/api/stocktake-schedules", new { storeCode = app.StoreA.Code, name = "每周全盘", cron = "0 0 22 ? * SUN" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
        var weekly = await CreateScheduleAsync(app.ManagerA, app.StoreA, "0 0 22 ? * SUN");
        var id = weekly.GetProperty("id").GetInt32();
        Assert.Equal(1, await QuartzTriggersAsync(id));

        var (clerk, _) = await (await _counting.As(app.ClerkA)).PutAsync($"/api/stocktake-schedules/{id}", new { enabled = false });
        Assert.Equal(HttpStatusCode.Forbidden, clerk);
        var (other, _) = await (await _counting.As(app.ManagerC)).PutAsync($"/api/stocktake-schedules/{id}", new { enabled = false });
        Assert.Equal(HttpStatusCode.NotFound, other);
        var (badUpdate, badUpdateBody) = await (await _counting.As(app.ManagerA)).PutAsync($"/api/stocktake-schedules/{id}", new { cron = "every sunday" });
        Assert.Equal(HttpStatusCode.BadRequest, badUpdate);
        Assert.Equal(["cron"], badUpdateBody.ErrorFields());
        Assert.Equal("0 0 22 ? * SUN", Assert.Single(await SchedulesAsync(app.ManagerA)).GetProperty("cron").GetString());

        var (disabled, disabledBody) = await (await _counting.As(app.ManagerA)).PutAsync($"/api/stocktake-schedules/{id}", new { enabled = false });
        Assert.Equal(HttpStatusCode.OK, disabled);
        Assert.Equal(JsonValueKind.Null, disabledBody.GetProperty("nextFireAt").ValueKind);
        Assert.Equal(0, await QuartzTriggersAsync(id));
        Assert.DoesNotContain(await SchedulesAsync(app.ManagerC), s => s.GetProperty("id").GetInt32() == id);
    }

    private async Task<JsonElement> CreateScheduleAsync(string user, TestOrg.StoreRow store, string cron, string countDeadline = "PT24H", string missedAfter = "PT48H")
    {
        var (status, body) = await (await _counting.As(user)).PostAsync("/api/stocktake-schedules",
            new { storeCode = store.Code, name = "测试盘点计划", cron, scope = new { kind = "store" }, countDeadline, missedAfter });
        Assert.True(status == HttpStatusCode.Created, body.ToString());
        return body;
    }

    private async Task<(HttpStatusCode, JsonElement)> DeleteAsync(string user, int id)
    {
        using var response = await (await _counting.As(user)).DeleteAsync(new Uri($"/api/stocktake-schedules/{id}", UriKind.Relative));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<IReadOnlyList<JsonElement>> SchedulesAsync(string user) =>
        (await (await _counting.As(user)).GetJsonAsync("/api/stocktake-schedules")).Body.EnumerateArray().ToList();

    private async Task<IReadOnlyList<JsonElement>> CountsOfAsync(int scheduleId) =>
        (await (await _counting.As(app.Hq)).GetJsonAsync("/api/stocktakes")).Body.EnumerateArray()
            .Where(s => s.GetProperty("scheduleId").ValueKind == JsonValueKind.Number && s.GetProperty("scheduleId").GetInt32() == scheduleId)
            .ToList();

    /// <summary>A firing of the schedule a minute from now (as its Quartz job would start it); returns the instance and the count's number.</summary>
    private async Task<(Guid Instance, string Number)> StartScheduledAsync(int scheduleId)
    {
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var firedFor = app.Clock.GetUtcNow();
        var instance = await app.Services.GetRequiredService<StocktakeStarter>().StartScheduledAsync(scheduleId, firedFor, CancellationToken.None);
        Assert.NotNull(instance);
        var detail = await app.InstanceAsync(instance.Value);
        return (instance.Value, detail.GetProperty("variables").GetProperty("stocktake").GetProperty("number").GetString()!);
    }

    private async Task<Guid> MissScheduledCountAsync(int scheduleId)
    {
        var (instance, _) = await StartScheduledAsync(scheduleId);
        app.AdvanceTo(app.Clock.GetUtcNow() + TimeSpan.FromHours(2));
        await app.EventuallyAsync(instance, d => d.Status() == "finished", "the scheduled count missed");
        return instance;
    }

    private async Task<int> ConsecutiveMissedAsync(int scheduleId) =>
        (await SchedulesAsync(app.Hq)).Single(s => s.GetProperty("id").GetInt32() == scheduleId).GetProperty("consecutiveMissed").GetInt32();

    private async Task<long> QuartzTriggersAsync(int scheduleId)
    {
        await using var connection = await app.Db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("select count(*) from qrtz_triggers where trigger_group = @group and trigger_name = @name",
            new { group = StocktakeScheduler.Group, name = StocktakeScheduler.TriggerKeyOf(scheduleId).Name });
    }
}
