using StoreStock.WeCom.Client;

namespace StoreStock.WeCom.Delivery;

/// <summary>What to do with one claimed message.</summary>
public abstract record DeliveryPlan
{
    private DeliveryPlan()
    {
    }

    /// <summary>Send this message (a card when it carries a template card).</summary>
    public sealed record Send(AppMessage Message) : DeliveryPlan;

    /// <summary>Settle without sending: the card it announces is no longer the recipient's to act on.</summary>
    public sealed record Skip(string Reason) : DeliveryPlan;

    /// <summary>Grey out the recipient's cards of the task with this text.</summary>
    public sealed record CloseCards(string ReplaceName) : DeliveryPlan;
}
