using StoreStock.Host.Api.Channels;
using StoreStock.Host.Api.Documents;
using StoreStock.Host.Api.Organisation;
using StoreStock.Host.Api.Stock;
using StoreStock.Host.Api.Workflows;
using StoreStock.Host.Api.WriteOffs;
using StoreStock.Host.Auth;
using StoreStock.WeCom;
using StoreStock.WeComSimulator;

namespace StoreStock.Host.Api;

public static class StoreStockEndpoints
{
    public static void MapStoreStockEndpoints(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = HealthResponse.WriteAsync,
        });
        app.MapGet("/", () => TypedResults.Content(LandingPage.Html, "text/html; charset=utf-8")).ExcludeFromDescription();

        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapAuthEndpoints();
        api.MapChannelEndpoints();
        api.MapDocumentEndpoints();
        api.MapStockEndpoints();
        api.MapOrganisationEndpoints();
        api.MapCatalogEndpoints();
        api.MapDefinitionEndpoints();
        api.MapInstanceEndpoints();
        api.MapTaskEndpoints();
        api.MapWriteOffEndpoints();
        Transfers.TransferEndpoints.MapTransferEndpoints(api);
        Alerts.AlertEndpoints.MapAlertEndpoints(api);
        Stocktakes.StocktakeEndpoints.MapStocktakeEndpoints(api);
        Replenishment.ReplenishmentEndpoints.MapReplenishmentEndpoints(api);
        WeCom.DeliveryEndpoints.MapDeliveryEndpoints(api);

        app.MapWeCom();
        app.MapWeComSimulator();
    }
}
