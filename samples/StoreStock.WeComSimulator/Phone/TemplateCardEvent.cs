using System.Globalization;
using System.Security.Cryptography;
using System.Xml.Linq;
using StoreStock.WeCom.Callbacks;

namespace StoreStock.WeComSimulator.Phone;

/// <summary>What WeCom posts (before sealing) when a member taps a button on a template card (wecom.md §4.3).</summary>
public static class TemplateCardEvent
{
    public static string Xml(string corpId, string fromUser, long createTime, string key, string taskId, string cardType, string responseCode, int agentId) =>
        new XElement("xml",
            new XElement("ToUserName", new XCData(corpId)),
            new XElement("FromUserName", new XCData(fromUser)),
            new XElement("CreateTime", createTime),
            new XElement("MsgType", new XCData("event")),
            new XElement("Event", new XCData(CallbackEvent.CardClickEvent)),
            new XElement("EventKey", new XCData(key)),
            new XElement("TaskId", new XCData(taskId)),
            new XElement("CardType", new XCData(cardType)),
            new XElement("ResponseCode", new XCData(responseCode)),
            new XElement("AgentID", agentId)).ToString(SaveOptions.DisableFormatting);

    /// <summary>A nonce as WeCom puts in the callback's query string: nine or ten digits.</summary>
    public static string NewNonce() => RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
}
