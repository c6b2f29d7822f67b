namespace StoreStock.Samples;

/// <summary>
/// The sample chain's integration keys. The plaintext is published on purpose (README, curl examples); only the
/// hash is stored. They follow the shape of generated keys: "ssk_" + a 12-character prefix + "_" + the secret.
/// </summary>
public static class DemoApiKeys
{
    /// <summary>POS tills of all eight stores (channel pos).</summary>
    public const string Pos = "ssk_demopos00001_pos-demo-secret";

    /// <summary>The mini-program shop of all eight stores (channel mini_program).</summary>
    public const string MiniProgram = "ssk_demomini0001_mini-demo-secret";

    /// <summary>Group-buy voucher redemption on Douyin, Meituan and WeChat group-buy, all eight stores.</summary>
    public const string GroupBuy = "ssk_demogroup001_groupbuy-demo-secret";
}
