using StoreStock.Host.Auth;
using StoreStock.Inventory.Documents;
using StoreStock.Inventory.Shared;

namespace StoreStock.Host.Api.Documents;

/// <summary>Stock documents: 入库单 receipt (scan to receive), 出库单 issue, 退货单 return, 报损单 write-off.</summary>
public static class DocumentEndpoints
{
    public static void MapDocumentEndpoints(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/documents").WithTags("Documents");

        documents.MapGet("/", async (string? kind, string? status, string? location, int? limit, HttpContext context, StockDocuments service) =>
            TypedResults.Ok(await service.ListAsync(context.Caller(), kind, status, location, Math.Clamp(limit ?? 50, 1, 200), context.RequestAborted)));
        documents.MapGet("/{number}", async (string number, HttpContext context, StockDocuments service) =>
            OutcomeResults.Ok(await service.GetAsync(context.Caller(), number, context.RequestAborted)));
        documents.MapPost("/", async (CreateDocumentRequest request, HttpContext context, StockDocuments service) =>
            OutcomeResults.Created(await service.CreateAsync(context.Caller(), request, context.RequestAborted), document => $"/api/documents/{document.Number}"))
            .WithSummary("Create a draft document, optionally with lines");
        documents.MapPost("/{number}/scans", async (string number, ScanRequest request, HttpContext context, StockDocuments service) =>
            OutcomeResults.Ok(await service.ScanAsync(context.Caller(), number, request, context.RequestAborted)))
            .WithSummary("Scan a barcode into a draft; a repeated scan adds to its line");
        documents.MapPost("/{number}/post", async (string number, HttpContext context, StockDocuments service) =>
            OutcomeResults.Ok(await service.PostAsync(context.Caller(), number, context.RequestAborted)))
            .WithSummary("Post a receipt, issue or return: all lines or none");
        documents.MapPost("/{number}/submit", async (string number, HttpContext context, StockDocuments service) =>
            OutcomeResults.Ok(await service.SubmitAsync(context.Caller(), number, context.RequestAborted)))
            .WithSummary("Submit a write-off for approval");
        documents.MapPost("/{number}/approve", async (string number, DecisionRequest? request, HttpContext context, StockDocuments service) =>
            OutcomeResults.Ok(await service.ApproveAsync(context.Caller(), number, request ?? new DecisionRequest(null), context.RequestAborted)))
            .WithSummary("Approve a submitted write-off: posts it");
        documents.MapPost("/{number}/reject", async (string number, DecisionRequest? request, HttpContext context, StockDocuments service) =>
            OutcomeResults.Ok(await service.RejectAsync(context.Caller(), number, request ?? new DecisionRequest(null), context.RequestAborted)))
            .WithSummary("Reject a submitted write-off, with a comment");
    }
}
