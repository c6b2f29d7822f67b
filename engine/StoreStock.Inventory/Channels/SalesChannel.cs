namespace StoreStock.Inventory.Channels;

/// <summary>The sales channels (多渠道) and what each one does to stock.</summary>
public static class SalesChannel
{
    public const string Pos = "pos";                         // 线下收银
    public const string MiniProgram = "mini_program";        // 小程序商城
    public const string Douyin = "douyin";                   // 抖音团购
    public const string Meituan = "meituan";                 // 美团团购
    public const string WeChatGroupBuy = "wechat_groupbuy";  // 微信团购

    public static readonly string[] All = [Pos, MiniProgram, Douyin, Meituan, WeChatGroupBuy];

    public static bool RecordsSales(string channel) => channel == Pos;

    public static bool TakesOrders(string channel) => channel == MiniProgram;

    public static bool RedeemsVouchers(string channel) => channel is Douyin or Meituan or WeChatGroupBuy;
}
