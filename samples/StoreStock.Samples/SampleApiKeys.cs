using Dapper;
using Npgsql;
using StoreStock.Inventory.Access;

namespace StoreStock.Samples;

/// <summary>Stores the demo integration keys (see <see cref="DemoApiKeys"/>) by prefix and hash, bound to every store.</summary>
internal static class SampleApiKeys
{
    private static readonly (string Name, string Key, string[] Channels)[] Keys =
    [
        ("演示 POS 收银", DemoApiKeys.Pos, ["pos"]),
        ("演示 小程序商城", DemoApiKeys.MiniProgram, ["mini_program"]),
        ("演示 团购核销（抖音/美团/微信）", DemoApiKeys.GroupBuy, ["douyin", "meituan", "wechat_groupbuy"]),
    ];

    public static async Task InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SampleOrganisation organisation, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        var storeIds = organisation.Stores.Select(s => s.Id).ToArray();
        foreach (var (name, key, channels) in Keys)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into api_key (name, key_prefix, key_hash, channels, store_ids, created_at)
                values (@name, @prefix, @hash, @channels, @storeIds, @createdAt)
                """,
                new { name, prefix = Secrets.PrefixOf(key), hash = Secrets.HashApiKey(key), channels, storeIds, createdAt },
                transaction,
                cancellationToken: cancellationToken));
        }
    }
}
