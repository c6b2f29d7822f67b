using Dapper;
using Npgsql;
using StoreStock.Inventory.Access;

namespace StoreStock.Samples;

/// <summary>HQ, one supervisor per region, and a manager and two clerks in every store, all with the demo password.</summary>
internal static class SampleUsers
{
    private sealed record Person(string DisplayName, string WeComUserId);

    private sealed record UserRow(string Username, string DisplayName, string PasswordHash, string Role, int? RegionId, int? StoreId, string WeComUserId);

    private static readonly Person HqAdmin = new("王磊", "WangLei");

    private static readonly Dictionary<string, Person> Supervisors = new()
    {
        ["EAST"] = new("李娜", "LiNa"),
        ["SOUTH"] = new("陈强", "ChenQiang"),
    };

    private static readonly Dictionary<string, (Person Manager, Person Clerk, Person SecondClerk)> StoreStaff = new()
    {
        ["S001"] = (new("张伟", "ZhangWei"), new("刘洋", "LiuYang"), new("赵敏", "ZhaoMin")),
        ["S002"] = (new("杨静", "YangJing"), new("黄海", "HuangHai"), new("周婷", "ZhouTing")),
        ["S003"] = (new("吴军", "WuJun"), new("徐丽", "XuLi"), new("孙浩", "SunHao")),
        ["S004"] = (new("胡斌", "HuBin"), new("朱琳", "ZhuLin"), new("高翔", "GaoXiang")),
        ["S005"] = (new("林晓燕", "LinXiaoYan"), new("何志明", "HeZhiMing"), new("郭佳", "GuoJia")),
        ["S006"] = (new("罗建华", "LuoJianHua"), new("梁小红", "LiangXiaoHong"), new("宋凯", "SongKai")),
        ["S007"] = (new("郑淑芬", "ZhengShuFen"), new("谢文", "XieWen"), new("韩雪", "HanXue")),
        ["S008"] = (new("唐俊", "TangJun"), new("冯婷婷", "FengTingTing"), new("曹阳", "CaoYang")),
    };

    public static async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, SampleOrganisation organisation, CancellationToken cancellationToken)
    {
        // Hashing is deliberately slow; one hash serves every demo user.
        var hash = Secrets.HashPassword(DemoUsers.Password);
        var rows = new List<UserRow>
        {
            new(DemoUsers.Admin, HqAdmin.DisplayName, hash, Role.HqAdmin, null, null, HqAdmin.WeComUserId),
            Supervisor(DemoUsers.EastSupervisor, "EAST"),
            Supervisor(DemoUsers.SouthSupervisor, "SOUTH"),
        };
        foreach (var store in organisation.Stores)
        {
            var code = store.Definition.Code;
            var (manager, clerk, secondClerk) = StoreStaff[code];
            rows.Add(new(DemoUsers.StoreManager(code), manager.DisplayName, hash, Role.StoreManager, null, store.Id, manager.WeComUserId));
            rows.Add(new(DemoUsers.Clerk(code), clerk.DisplayName, hash, Role.Clerk, null, store.Id, clerk.WeComUserId));
            rows.Add(new(DemoUsers.SecondClerk(code), secondClerk.DisplayName, hash, Role.Clerk, null, store.Id, secondClerk.WeComUserId));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into app_user (username, display_name, password_hash, role, region_id, store_id, wecom_user_id)
            values (@Username, @DisplayName, @PasswordHash, @Role, @RegionId, @StoreId, @WeComUserId)
            """,
            rows,
            transaction,
            cancellationToken: cancellationToken));

        UserRow Supervisor(string username, string regionCode)
        {
            var person = Supervisors[regionCode];
            return new(username, person.DisplayName, hash, Role.RegionalSupervisor, organisation.RegionIds[regionCode], null, person.WeComUserId);
        }
    }
}
