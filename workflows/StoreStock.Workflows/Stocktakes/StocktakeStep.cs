using StoreStock.Engine.Activities;

namespace StoreStock.Workflows.Stocktakes;

/// <summary>An activity that works on the count the instance opened (its id is <c>stocktake.id</c> unless the definition says otherwise).</summary>
public abstract class StocktakeStep : Activity
{
    [Input("盘点单", "Stocktake id", UiHint = "code", Syntaxes = [Expression.JavaScript], DefaultSyntax = Expression.JavaScript)]
    public Input<long> Stocktake { get; set; } = Input<long>.Empty;

    protected long StocktakeId(ActivityContext context) =>
        Stocktake.IsEmpty
            ? context.Variables["stocktake"]?["id"]?.GetValue<long>() ?? throw new ActivityInputException($"活动 {Id} 找不到盘点单 (no stocktake opened yet)")
            : context.Get(Stocktake);
}
