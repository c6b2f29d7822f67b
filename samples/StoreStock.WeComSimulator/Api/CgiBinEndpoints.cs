using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace StoreStock.WeComSimulator.Api;

/// <summary>The WeCom server API as the client calls it, under /wecom-sim/cgi-bin.</summary>
internal static class CgiBinEndpoints
{
    public static void MapCgiBin(this IEndpointRouteBuilder sim)
    {
        var cgi = sim.MapGroup("/cgi-bin").ExcludeFromDescription();
        cgi.MapGet("/gettoken", GetToken.Handle).AddEndpointFilter(new OutageFilter(s => s.GettokenCalls++, gettoken: true));
        cgi.MapPost("/message/send", SendMessage.HandleAsync).AddEndpointFilter(new OutageFilter(s => s.SendCalls++));
        cgi.MapPost("/message/update_template_card", UpdateTemplateCard.HandleAsync).AddEndpointFilter(new OutageFilter(s => s.UpdateCalls++));
    }
}
