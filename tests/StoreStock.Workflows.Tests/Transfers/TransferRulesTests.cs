using System.Net;
using Dapper;

namespace StoreStock.Workflows.Tests.Transfers;

/// <summary>Bad requests change nothing and name the field; people see and act on transfers only within their scope.</summary>
public sealed class TransferRulesTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    private readonly TransferDriver _transfers = new(app);

    [Fact]
    public async Task Bad_requests_are_refused_naming_the_field_and_change_nothing()
    {
        var product = await app.ProductWithStockAsync(10m, (app.StoreA.SellingLocationId, 50));
        var before = await CountsAsync();
        var cases = new (object Request, string Field)[]
        {
            (Request(new { sku = "NO-SUCH-SKU", quantity = 1m }), "lines[0].sku"),
            (Request(new { sku = product.Sku, quantity = 0m }), "lines[0].quantity"),
            (Request(new { sku = product.Sku, quantity = 100_001m }), "lines[0].quantity"),
            (new { fromStore = app.StoreA.Code, toStore = app.StoreA.Code, lines = new[] { new { sku = product.Sku, quantity = 1m } } }, "toStore"),
            (new { fromStore = app.StoreA.Code, toStore = app.StoreB.Code, lines = new object[] { new { sku = product.Sku, quantity = 1m }, new { barcode = product.Barcode, quantity = 2m } } }, "lines[1].barcode"),
            (new { toStore = app.StoreB.Code, lines = new[] { new { sku = product.Sku, quantity = 1m } } }, "fromStore"),
        };

        foreach (var (request, field) in cases)
        {
            var (status, problem) = await _transfers.PostRequestAsync(app.ManagerA, request);
            Assert.True(status == HttpStatusCode.BadRequest, $"{field}: {problem}");
            Assert.Contains(field, problem.ErrorFields());
        }

        Assert.Equal(before, await CountsAsync());
        await _transfers.AssertLevelAsync(app.StoreA.SellingLocationId, product.Id, onHand: 50, reserved: 0, inTransit: 0);

        object Request(object line) => new { fromStore = app.StoreA.Code, toStore = app.StoreB.Code, lines = new[] { line } };
    }

    [Fact]
    public async Task Only_the_people_of_either_end_see_a_transfer_and_only_managers_request_one()
    {
        var product = await app.ProductWithStockAsync(10m, (app.StoreA.SellingLocationId, 50));
        var number = (await _transfers.RequestAsync(product, 2, user: app.ManagerB)).Number();

        foreach (var user in new[] { app.ClerkA, app.ClerkB, app.ManagerA, app.EastSupervisor })
        {
            Assert.Equal(number, (await _transfers.GetAsync(number, user)).Number());
        }

        foreach (var user in new[] { app.ClerkC, app.ManagerC, app.SouthSupervisor })
        {
            var client = await app.ClientAsync(user);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetJsonAsync($"/api/transfers/{number}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/transfers/{number}/cancel")).Status);
            var (_, list) = await client.GetJsonAsync("/api/transfers");
            Assert.DoesNotContain(list.EnumerateArray(), t => t.Number() == number);
        }

        var (_, listOfB) = await (await app.ClientAsync(app.ClerkB)).GetJsonAsync($"/api/transfers?status=requested&store={app.StoreB.Code}");
        Assert.Contains(listOfB.EnumerateArray(), t => t.Number() == number);

        var approval = (await _transfers.OpenCardAsync(number, "approval")).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await _transfers.CompleteAsync(app.ClerkC, approval, TransferDriver.Approve)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync(app.ClerkA)).PostAsync($"/api/transfers/{number}/cancel")).Status);

        var line = new[] { new { sku = product.Sku, quantity = 1m } };
        Assert.Equal(HttpStatusCode.Forbidden, (await _transfers.PostRequestAsync(app.ClerkA, new { fromStore = app.StoreA.Code, toStore = app.StoreB.Code, lines = line })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await _transfers.PostRequestAsync(app.ManagerC, new { fromStore = app.StoreA.Code, toStore = app.StoreB.Code, lines = line })).Status);
        await _transfers.AssertLevelAsync(app.StoreA.SellingLocationId, product.Id, onHand: 50, reserved: 2, inTransit: 0);
    }

    private async Task<(long Transfers, long Instances, long Moves)> CountsAsync()
    {
        await using var connection = await app.Db.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(long, long, long)>(
            "select (select count(*) from transfer), (select count(*) from wf_instance where definition_id = 'transfer'), (select count(*) from stock_move)");
    }
}
