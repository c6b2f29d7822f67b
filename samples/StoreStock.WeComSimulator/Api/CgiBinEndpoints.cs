using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StoreStock.WeComSimulator.State;

namespace StoreStock.WeComSimulator.Api;

/// <summary>The WeCom server API as the client calls it, under /wecom-sim/cgi-bin.</summary>
internal static class CgiBinEndpoints
{
    public static void MapCgiBin(this IEndpointRouteBuilder sim)
    {
        var cgi = sim.MapGroup("/cgi-bin");
        cgi.MapGet("/gettoken", GetToken.Handle).AddEndpointFilter(new OutageFilter(s => s.GettokenCalls++, gettoken: true));
        cgi.MapPost("/message/send", (HttpRequest request, SimulatorState state) => AppCall.HandleAsync(request, state, SendMessage.Send)).AddEndpointFilter(new OutageFilter(s => s.SendCalls++));
        cgi.MapPost("/message/update_template_card", (HttpRequest request, SimulatorState state) => AppCall.HandleAsync(request, state, UpdateTemplateCard.Update)).AddEndpointFilter(new OutageFilter(s => s.UpdateCalls++));
    }
}
