namespace StoreStock.WeCom.Client;

/// <summary>
/// The WeCom server API StoreStock uses. The access token is the client's business: callers never see it. Errors
/// come as <see cref="WeComApiException"/> (classified) or <see cref="WeComUnreachableException"/>.
/// </summary>
public interface IWeComClient
{
    /// <summary>POST /cgi-bin/message/send; the agent id is filled in from the options.</summary>
    Task<SendResult> SendAsync(AppMessage message, CancellationToken ct);

    /// <summary>POST /cgi-bin/message/update_template_card with a response code from the send or from a click.</summary>
    Task UpdateTemplateCardAsync(TemplateCardUpdate update, CancellationToken ct);
}
