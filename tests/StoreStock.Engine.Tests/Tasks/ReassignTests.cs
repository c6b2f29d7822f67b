using System.Net;
using StoreStock.Inventory.Access;

namespace StoreStock.Engine.Tests.Tasks;

/// <summary>Handing an open card to other people: managers, supervisors and HQ may, within the card's scope; clerks may not.</summary>
public sealed class ReassignTests(EngineApp app) : IClassFixture<EngineApp>
{
    [Fact]
    public async Task The_store_manager_hands_a_clerks_card_to_another_clerk_who_then_owns_it()
    {
        var otherClerk = await app.Org.UserAsync(Role.Clerk, storeId: app.StoreA.Id);
        var (instanceId, taskId) = await StartCountAsync();

        var (status, body) = await (await app.ClientAsync(app.ManagerA)).PostAsync($"/api/tasks/{taskId}/reassign", new { assignees = new[] { otherClerk } });

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Contains(taskId, await app.MyTaskIdsAsync(otherClerk));
        Assert.DoesNotContain(taskId, await app.MyTaskIdsAsync(app.ClerkA));
        var card = (await app.InstanceAsync(instanceId)).Card(taskId);
        Assert.Equal([otherClerk], card.Assignees());
        var reassigned = card.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("reassigned", reassigned.GetProperty("event").GetString());
        Assert.Equal($"user:{app.ManagerA}", reassigned.GetProperty("actor").GetString());
        Assert.Equal([app.ClerkA, otherClerk], await app.RecipientsAsync(instanceId, "task"));

        var (formerOwner, _) = await (await app.ClientAsync(app.ClerkA)).PostAsync($"/api/tasks/{taskId}/complete", new { outcome = "Done" });
        Assert.Equal(HttpStatusCode.Forbidden, formerOwner);
        var (newOwner, done) = await (await app.ClientAsync(otherClerk)).PostAsync($"/api/tasks/{taskId}/complete", new { outcome = "Done" });
        Assert.True(newOwner == HttpStatusCode.OK, done.ToString());
    }

    [Fact]
    public async Task A_clerk_may_not_reassign_even_their_own_card()
    {
        var otherClerk = await app.Org.UserAsync(Role.Clerk, storeId: app.StoreA.Id);
        var (instanceId, taskId) = await StartCountAsync();

        var (status, _) = await (await app.ClientAsync(app.ClerkA)).PostAsync($"/api/tasks/{taskId}/reassign", new { assignees = new[] { otherClerk } });

        Assert.Equal(HttpStatusCode.Forbidden, status);
        await AssertUnchangedAsync(instanceId, taskId);
    }

    [Theory]
    [InlineData("nobody.here")]
    [InlineData("")]
    public async Task Unknown_usernames_are_refused_naming_the_assignees_field(string username)
    {
        var (instanceId, taskId) = await StartCountAsync();

        var (status, problem) = await (await app.ClientAsync(app.ManagerA)).PostAsync($"/api/tasks/{taskId}/reassign", new { assignees = new[] { app.ClerkA, username } });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["assignees"], problem.ErrorFields());
        await AssertUnchangedAsync(instanceId, taskId);
    }

    [Fact]
    public async Task An_empty_list_of_assignees_is_refused()
    {
        var (instanceId, taskId) = await StartCountAsync();

        var (status, problem) = await (await app.ClientAsync(app.ManagerA)).PostAsync($"/api/tasks/{taskId}/reassign", new { assignees = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["assignees"], problem.ErrorFields());
        await AssertUnchangedAsync(instanceId, taskId);
    }

    [Fact]
    public async Task A_card_cannot_be_handed_to_someone_outside_its_store_and_region()
    {
        var (instanceId, taskId) = await StartCountAsync();

        var (status, problem) = await (await app.ClientAsync(app.ManagerA)).PostAsync($"/api/tasks/{taskId}/reassign", new { assignees = new[] { app.ManagerC } });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["assignees"], problem.ErrorFields());
        Assert.Contains(app.ManagerC, problem.GetProperty("errors").GetProperty("assignees")[0].GetString(), StringComparison.Ordinal);
        await AssertUnchangedAsync(instanceId, taskId);
        Assert.DoesNotContain(taskId, await app.MyTaskIdsAsync(app.ManagerC));
    }

    [Fact]
    public async Task The_regional_supervisor_may_hand_a_card_to_the_store_manager()
    {
        var (instanceId, taskId) = await StartCountAsync();

        var (status, body) = await (await app.ClientAsync(app.Supervisor)).PostAsync($"/api/tasks/{taskId}/reassign", new { assignees = new[] { app.ManagerA } });

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal([app.ManagerA], (await app.InstanceAsync(instanceId)).Card(taskId).Assignees());
    }

    [Fact]
    public async Task A_completed_card_cannot_be_reassigned()
    {
        var otherClerk = await app.Org.UserAsync(Role.Clerk, storeId: app.StoreA.Id);
        var (instanceId, taskId) = await StartCountAsync();
        var (completed, _) = await (await app.ClientAsync(app.ClerkA)).PostAsync($"/api/tasks/{taskId}/complete", new { outcome = "Done" });
        Assert.Equal(HttpStatusCode.OK, completed);

        var (status, problem) = await (await app.ClientAsync(app.ManagerA)).PostAsync($"/api/tasks/{taskId}/reassign", new { assignees = new[] { otherClerk } });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("already completed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var card = (await app.InstanceAsync(instanceId)).Card(taskId);
        Assert.Equal([app.ClerkA], card.Assignees());
        Assert.Equal(["created", "completed"], card.HistoryEvents());
    }

    private async Task<(Guid InstanceId, Guid TaskId)> StartCountAsync()
    {
        var id = Flow.Id("reassign");
        await app.PublishAsync(new Flow(id).Start()
            .Activity("count", "UserTask", new { title = "盘点饮料货架", assignee = app.ClerkA })
            .Activity("end", "End").Connect("start", "count").Connect("count", "end").Build());
        var started = await app.StartAsync(id);
        return (started.InstanceId(), started.NewTaskId());
    }

    private async Task AssertUnchangedAsync(Guid instanceId, Guid taskId)
    {
        var card = (await app.InstanceAsync(instanceId)).Card(taskId);
        Assert.Equal([app.ClerkA], card.Assignees());
        Assert.Equal(["created"], card.HistoryEvents());
        Assert.Equal("open", card.CardStatus());
        Assert.Equal([app.ClerkA], await app.RecipientsAsync(instanceId, "task"));
    }
}
