using StoreStock.WeCom.Client;

namespace StoreStock.WeCom.Tests.Simulator;

/// <summary>Messages the tests send, shaped as StoreStock sends them.</summary>
internal static class SimMessages
{
    public static AppMessage Text(string toUser, string content, int duplicateCheck = 0) =>
        new() { ToUser = toUser, MsgType = "text", Text = new TextContent(content), EnableDuplicateCheck = duplicateCheck };

    public static AppMessage Approval(string toUser, string taskId, int duplicateCheck = 0) => new()
    {
        ToUser = toUser,
        MsgType = "template_card",
        EnableDuplicateCheck = duplicateCheck,
        TemplateCard = new TemplateCard
        {
            CardType = "button_interaction",
            TaskId = taskId,
            Source = new CardSource(Desc: "StoreStock"),
            MainTitle = new CardTitle("报损审批", "门店 A · 牛奶 12 盒"),
            HorizontalContentList = [new HorizontalContent("金额", "86.40 元")],
            ButtonList = [new CardButton("同意", "Approve", 1), new CardButton("驳回", "Reject", 2)],
        },
    };

    public static AppMessage Notice(string toUser, string taskId) => new()
    {
        ToUser = toUser,
        MsgType = "template_card",
        TemplateCard = new TemplateCard
        {
            CardType = "text_notice",
            TaskId = taskId,
            MainTitle = new CardTitle("盘点任务", "门店 A 冷柜"),
            SubTitleText = "请在今天 18:00 前完成盘点",
            CardAction = new CardAction(1, "https://storestock.example/tasks/1"),
        },
    };

    public static string NewTaskId() => "t" + Guid.NewGuid().ToString("N");
}
