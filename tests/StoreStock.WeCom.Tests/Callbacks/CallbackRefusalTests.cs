using System.Net;
using System.Text;
using System.Xml.Linq;

namespace StoreStock.WeCom.Tests.Callbacks;

/// <summary>
/// POSTs that are not WeCom's, or not WeCom's now, are refused before anything is stored: the click they carry
/// never reaches the task, whose card stays open with its journal as it was.
/// </summary>
public sealed class CallbackRefusalTests(CallbackApp app) : IClassFixture<CallbackApp>
{
    private const string OtherCorp = "ww0000000000000000";

    private readonly CallbackSender _wecom = new(app);

    public static TheoryData<string, HttpStatusCode> Cases => new()
    {
        { "forged signature", HttpStatusCode.Forbidden },
        { "signature of another message", HttpStatusCode.Forbidden },
        { "sealed for another corp", HttpStatusCode.Forbidden },
        { "addressed to another corp", HttpStatusCode.Forbidden },
        { "stale event (6 min old)", HttpStatusCode.Forbidden },
        { "stale CreateTime under a fresh query timestamp", HttpStatusCode.Forbidden },
        { "stale query timestamp over a fresh CreateTime", HttpStatusCode.Forbidden },
        { "event from the future", HttpStatusCode.Forbidden },
        { "malformed envelope", HttpStatusCode.BadRequest },
        { "envelope without Encrypt", HttpStatusCode.BadRequest },
        { "Encrypt not base64", HttpStatusCode.BadRequest },
        { "malformed decrypted XML", HttpStatusCode.BadRequest },
        { "decrypted XML without a sender", HttpStatusCode.BadRequest },
        { "XML bomb in the envelope", HttpStatusCode.BadRequest },
        { "XML bomb in the encrypted content", HttpStatusCode.BadRequest },
        { "external entity in the encrypted content", HttpStatusCode.BadRequest },
        { "body over the size cap", HttpStatusCode.RequestEntityTooLarge },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Is_refused_and_changes_nothing(string refusal, HttpStatusCode expected)
    {
        var (instanceId, taskId) = await app.WriteOffAwaitingManagerAsync();
        var cardTaskId = await app.CardTaskIdAsync(taskId, CallbackApp.ManagerA);
        var journalBefore = await app.JournalCountAsync(instanceId);
        var taskBefore = await app.TaskAsync(taskId);
        var eventsBefore = await app.EventCountAsync();

        var status = await _wecom.PostAsync(Build(refusal, _wecom.ClickXml(CallbackApp.ManagerAWeComId, cardTaskId, "Approve")));

        Assert.Equal(expected, status);
        Assert.Equal(eventsBefore, await app.EventCountAsync());
        Assert.Empty(await app.EventsAsync(cardTaskId));
        Assert.Equal(taskBefore, await app.TaskAsync(taskId));
        Assert.Equal("open", taskBefore.Status);
        Assert.Equal(journalBefore, await app.JournalCountAsync(instanceId));

        // The same click, sealed properly, is accepted: the refusal was about the seal, not the click.
        Assert.Equal(HttpStatusCode.OK, await _wecom.PostAsync(_wecom.Seal(_wecom.ClickXml(CallbackApp.ManagerAWeComId, cardTaskId, "Reject"))));
        await app.ProcessedEventsAsync(cardTaskId);
        Assert.Equal("Reject", (await app.TaskAsync(taskId)).Outcome);
    }

    private CallbackSender.Delivery Build(string refusal, string click)
    {
        var now = _wecom.Now;
        var stale = now - (6 * 60);
        return refusal switch
        {
            "forged signature" => Forged(_wecom.Seal(click)),
            "signature of another message" => _wecom.Seal(click) with { Signature = _wecom.Seal("<xml/>").Signature },
            "sealed for another corp" => _wecom.Seal(click.Replace(_wecom.Options.CorpId, OtherCorp, StringComparison.Ordinal), crypt: _wecom.Crypt(receiveId: OtherCorp)),
            "addressed to another corp" => _wecom.Seal(click.Replace(_wecom.Options.CorpId, OtherCorp, StringComparison.Ordinal)),
            "stale event (6 min old)" => _wecom.Seal(WithCreateTime(click, stale), timestamp: stale),
            "stale CreateTime under a fresh query timestamp" => _wecom.Seal(WithCreateTime(click, stale)),
            "stale query timestamp over a fresh CreateTime" => _wecom.Seal(click, timestamp: stale),
            "event from the future" => _wecom.Seal(WithCreateTime(click, now + (6 * 60)), timestamp: now + (6 * 60)),
            "malformed envelope" => WithBody(_wecom.Seal(click), d => d.Body.Replace("</xml>", "", StringComparison.Ordinal)),
            "envelope without Encrypt" => WithBody(_wecom.Seal(click), d => d.Body.Replace("Encrypt>", "Encrypted>", StringComparison.Ordinal)),
            "Encrypt not base64" => SignedEnvelope("not*base64!"),
            "malformed decrypted XML" => _wecom.Seal(click[..^10]),
            "decrypted XML without a sender" => _wecom.Seal(Edit(click, x => x.Element("FromUserName")!.Remove())),
            "XML bomb in the envelope" => WithBody(_wecom.Seal(click), d => BillionLaughs + d.Body.Replace("<ToUserName>", "<ToUserName>&lol9;", StringComparison.Ordinal)),
            "XML bomb in the encrypted content" => _wecom.Seal(BillionLaughs + click.Replace("<EventKey>", "<EventKey>&lol9;", StringComparison.Ordinal)),
            "external entity in the encrypted content" => _wecom.Seal(
                "<!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + click.Replace("<EventKey>", "<EventKey>&xxe;", StringComparison.Ordinal)),
            "body over the size cap" => WithBody(_wecom.Seal(click), d => d.Body.Replace("</xml>", new string(' ', 70 * 1024) + "</xml>", StringComparison.Ordinal)),
            _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, null),
        };
    }

    /// <summary>Ten nested entities of ten: a gigabyte once expanded (the "billion laughs").</summary>
    private static readonly string BillionLaughs = BuildBillionLaughs();

    private static string BuildBillionLaughs()
    {
        var dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY lol0 \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            dtd.Append("<!ENTITY lol").Append(i).Append(" \"").Append(string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))).Append("\">");
        }

        return dtd.Append("]>").ToString();
    }

    private static string WithCreateTime(string click, long createTime) => Edit(click, x => x.SetElementValue("CreateTime", createTime));

    private static string Edit(string xml, Action<XElement> edit)
    {
        var root = XElement.Parse(xml);
        edit(root);
        return root.ToString(SaveOptions.DisableFormatting);
    }

    private static CallbackSender.Delivery WithBody(CallbackSender.Delivery delivery, Func<CallbackSender.Delivery, string> body) =>
        delivery with { Body = body(delivery) };

    private CallbackSender.Delivery SignedEnvelope(string encrypt)
    {
        var delivery = _wecom.Seal("<xml/>");
        return delivery with
        {
            Body = $"<xml><ToUserName><![CDATA[{_wecom.Options.CorpId}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>",
            Signature = WeComSignature.Compute(_wecom.Options.Token, delivery.Timestamp, delivery.Nonce, encrypt),
        };
    }

    /// <summary>Signed with a token that is not the host's: what anyone who knows the format but not the secret can produce.</summary>
    private static CallbackSender.Delivery Forged(CallbackSender.Delivery delivery) =>
        delivery with { Signature = WeComSignature.Compute("NotTheToken", delivery.Timestamp, delivery.Nonce, WeComXml.Parse(delivery.Body).Child("Encrypt")!) };
}
