using System.Text.Json;
using StoreStock.Engine.Activities;
using StoreStock.Engine.Expressions;
using StoreStock.Inventory.Stocktakes;

namespace StoreStock.Workflows.Stocktakes;

/// <summary>
/// Opens the instance's store's count with its snapshot and puts it in the variable <c>stocktake</c>
/// ({ id, number, lines, deadline }). A schedule's firing that already has its count leaves by AlreadyOpened.
/// </summary>
[Activity("OpenStocktake", WorkflowCategories.Stock, "开始盘点", "Open stocktake", Outcomes = [Done, AlreadyOpened])]
public sealed class OpenStocktake : Activity
{
    public const string AlreadyOpened = "AlreadyOpened";

    [Input("范围", "Scope", UiHint = "dropdown", Options = ["store", "categories", "products"], Syntaxes = [Expression.JavaScript])]
    public Input<string> ScopeKind { get; set; } = Input<string>.Empty;

    [Input("类别或商品", "Category or product ids", UiHint = "json", Syntaxes = [Expression.JavaScript])]
    public Input<List<int>> ScopeIds { get; set; } = Input<List<int>>.Empty;

    [Input("盲盘", "Blind count", UiHint = "dropdown", Options = ["true", "false"], Syntaxes = [Expression.JavaScript])]
    public Input<bool> Blind { get; set; } = Input<bool>.Empty;

    [Input("盘点期限", "Count deadline", UiHint = "duration", Syntaxes = [Expression.JavaScript])]
    public Input<string> CountDeadline { get; set; } = Input<string>.Empty;

    [Input("盘点计划", "Schedule id", Syntaxes = [Expression.JavaScript])]
    public Input<int?> ScheduleId { get; set; } = Input<int?>.Empty;

    [Input("计划时间", "Scheduled fire time", Syntaxes = [Expression.JavaScript])]
    public Input<DateTimeOffset?> ScheduledFor { get; set; } = Input<DateTimeOffset?>.Empty;

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var storeId = context.Instance.StoreId ?? throw new ActivityInputException("盘点流程需要门店 (a stocktake instance needs a store)");
        var scopeKind = context.Get(ScopeKind) ?? StocktakeScope.Store;
        if (!StocktakeScope.All.Contains(scopeKind))
        {
            throw new ActivityInputException($"盘点范围只能是 {string.Join("、", StocktakeScope.All)} (unknown scope '{scopeKind}')");
        }

        var deadline = Durations.TryParse(context.Get(CountDeadline), out var span) ? context.Now + span : (DateTimeOffset?)null;
        var (connection, transaction) = await context.TransactionAsync();
        var opened = await StocktakeOpening.OpenAsync(connection, transaction, new OpenStocktakeCommand(
            storeId, scopeKind, context.Get(ScopeIds) ?? [], context.Get(Blind), deadline,
            context.Get(ScheduleId), context.Get(ScheduledFor), context.Instance.Id, context.Actor.Actor), context.Now);
        if (opened is null)
        {
            context.Journal("already_opened", "该计划本次触发已有盘点单 (this firing of the schedule already has its count)");
            return ActivityResult.Outcome(AlreadyOpened);
        }

        context.SetVariable("stocktake", JsonSerializer.SerializeToNode(new { id = opened.Id, number = opened.Number, lines = opened.LineCount, deadline }));
        return ActivityResult.Outcome(Done);
    }

    /// <summary>A cancelled instance cancels the count it opened, unless it was already posted or missed.</summary>
    public override async ValueTask OnInstanceCancelledAsync(ActivityContext context)
    {
        var (connection, transaction) = await context.TransactionAsync();
        await StocktakeMisses.CancelAsync(connection, transaction, context.Instance.Id);
    }
}
