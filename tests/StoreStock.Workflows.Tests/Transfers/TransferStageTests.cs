using System.Net;
using Dapper;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StoreStock.Inventory.Transfers;

namespace StoreStock.Workflows.Tests.Transfers;

/// <summary>
/// The stage operations run again (as after a crash and a retry) change nothing; the engine inputs the transfer
/// definition relies on are validated; a transfer from the central warehouse is HQ's to approve and ship.
/// </summary>
public sealed class TransferStageTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    private readonly TransferDriver _transfers = new(app);

    [Fact]
    public async Task Every_stage_run_again_changes_nothing()
    {
        var product = await app.ProductWithStockAsync(10m, (app.StoreA.SellingLocationId, 30));
        var number = await _transfers.ApprovedAsync(product, 6);
        await _transfers.CompleteLinesAsync(number, "pick", app.ClerkA, (product.Id, 5));
        await _transfers.CompleteLinesAsync(number, "receipt", app.ClerkB, (product.Id, 5));
        var instanceId = (await _transfers.GetAsync(number)).GetProperty("instanceId").GetGuid();
        var moves = await LedgerProbe.MoveCountAsync(app.Db);

        await using (var connection = await app.Db.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var now = app.Clock.GetUtcNow();
            Assert.Empty(await app.Services.GetRequiredService<TransferReservation>().ReserveAsync(connection, transaction, instanceId, "test", now));
            Assert.False(await app.Services.GetRequiredService<TransferReservation>().ReleaseAsync(connection, transaction, instanceId, TransferStatus.Cancelled, "test", now));
            var shipped = await app.Services.GetRequiredService<TransferShipping>().ShipAsync(connection, transaction, instanceId, [new TransferQuantity(product.Id, 6)], "test", now);
            Assert.Equal([new TransferQuantity(product.Id, 5)], shipped.Value!);
            var received = await app.Services.GetRequiredService<TransferReceiving>().ReceiveAsync(connection, transaction, instanceId, [new TransferQuantity(product.Id, 1)], "test", now);
            Assert.Equal(5m, Assert.Single(received.Value!).Received);
            await transaction.CommitAsync();
        }

        Assert.Equal(moves, await LedgerProbe.MoveCountAsync(app.Db));
        Assert.Equal("received", (await _transfers.GetAsync(number)).TransferStatus());
        await _transfers.AssertLevelAsync(app.StoreB.SellingLocationId, product.Id, onHand: 5, reserved: 0, inTransit: 0);
    }

    [Fact]
    public async Task The_destination_manager_hands_the_receipt_card_to_another_clerk_of_the_destination()
    {
        var product = await app.ProductWithStockAsync(10m, (app.StoreA.SellingLocationId, 30));
        var number = await _transfers.ApprovedAsync(product, 3);
        await _transfers.CompleteLinesAsync(number, "pick", app.ClerkA, (product.Id, 3));
        var card = (await _transfers.OpenCardAsync(number, "receipt")).GetProperty("id").GetGuid();
        var clerkB2 = await app.Org.UserAsync(StoreStock.Inventory.Access.Role.Clerk, storeId: app.StoreB.Id);
        var managerB = await app.ClientAsync(app.ManagerB);

        Assert.Equal(HttpStatusCode.BadRequest, (await managerB.PostAsync($"/api/tasks/{card}/reassign", new { assignees = new[] { app.ClerkA } })).Status);
        var (status, body) = await managerB.PostAsync($"/api/tasks/{card}/reassign", new { assignees = new[] { clerkB2 } });
        Assert.True(status == HttpStatusCode.OK, body.ToString());

        await _transfers.CompleteLinesAsync(number, "receipt", clerkB2, (product.Id, 3));
        await _transfers.AssertLevelAsync(app.StoreB.SellingLocationId, product.Id, onHand: 3, reserved: 0, inTransit: 0);
    }

    [Fact]
    public async Task A_deadline_that_escalates_to_an_unknown_role_is_refused_when_validated()
    {
        var (_, shipped) = await (await app.HqAsync()).GetJsonAsync("/api/workflows/definitions/transfer");
        var definition = JsonNode.Parse(shipped.GetRawText())!.AsObject();
        var receipt = definition["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "receipt")!;
        receipt["inputs"]!["deadline"]!["escalateTo"] = "area_boss";

        var (status, report) = await (await app.HqAsync()).PostAsync("/api/workflows/definitions/validate", definition);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(report.GetProperty("problems").EnumerateArray(), p =>
            p.GetProperty("activityId").GetString() == "receipt" && p.GetProperty("input").GetString() == "deadline.escalateTo");
    }

    [Fact]
    public async Task A_transfer_from_the_central_warehouse_is_approved_and_shipped_by_hq()
    {
        var product = await app.ProductWithStockAsync(10m, (app.Warehouse, 100));
        var (status, requested) = await _transfers.PostRequestAsync(app.ManagerB, new
        {
            fromLocation = await WarehouseCodeAsync(),
            toStore = app.StoreB.Code,
            lines = new[] { new { barcode = product.Barcode, quantity = 10m } },
        });
        Assert.True(status == HttpStatusCode.Created, requested.ToString());
        Assert.False(requested.GetProperty("crossRegion").GetBoolean());
        var number = requested.Number();

        await _transfers.ApproveAsync(number, app.Hq);
        await _transfers.CompleteLinesAsync(number, "pick", app.Hq, (product.Id, 10));
        await _transfers.CompleteLinesAsync(number, "receipt", app.ClerkB, (product.Id, 10));

        await _transfers.AssertLevelAsync(app.Warehouse, product.Id, onHand: 90, reserved: 0, inTransit: 0);
        await _transfers.AssertLevelAsync(app.StoreB.SellingLocationId, product.Id, onHand: 10, reserved: 0, inTransit: 0);
    }

    private async Task<string> WarehouseCodeAsync()
    {
        await using var connection = await app.Db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>("select code from location where id = @Warehouse", new { app.Warehouse }) ?? "";
    }
}
