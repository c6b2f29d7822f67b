using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using StoreStock.Host.Auth;
using StoreStock.Inventory.Catalog;
using StoreStock.Inventory.Catalog.Import;

using StoreStock.Inventory.Shared;

namespace StoreStock.Host.Api.Catalog;

/// <summary>
/// POST /api/import/products and /api/import/opening-stock: a multipart upload (field "file", .xlsx or .csv).
/// 200 with counts, or 422 with every problem as rows: [{ row, column, reason }] and nothing written.
/// </summary>
public static class ImportEndpoints
{
    public static void MapImportEndpoints(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/import").WithTags("Import and export")
            .WithMetadata(new RequestSizeLimitAttribute(UploadedFile.MaxBytes));
        imports.MapPost("/products", ProductsAsync);
        imports.MapPost("/opening-stock", OpeningStockAsync);
    }

    private static async Task<Results<Ok<ProductImportSummary>, ProblemHttpResult>> ProductsAsync(
        HttpContext context, ImportProducts import, CancellationToken cancellationToken)
    {
        var (content, fileName, problem) = await UploadedFile.ReadAsync(context.Request, cancellationToken);
        return problem ?? ToResult(await import.ExecuteAsync(context.Caller(), content!, fileName, cancellationToken));
    }

    private static async Task<Results<Ok<OpeningStockSummary>, ProblemHttpResult>> OpeningStockAsync(
        HttpContext context, ImportOpeningStock import, CancellationToken cancellationToken)
    {
        var (content, fileName, problem) = await UploadedFile.ReadAsync(context.Request, cancellationToken);
        return problem ?? ToResult(await import.ExecuteAsync(context.Caller(), content!, fileName, cancellationToken));
    }

    private static Results<Ok<T>, ProblemHttpResult> ToResult<T>(ImportOutcome<T> outcome)
        where T : notnull
    {
        if (outcome.Value is { } summary)
        {
            return TypedResults.Ok(summary);
        }

        if (outcome.FileError is { } fileError)
        {
            return Problems.Invalid(UploadedFile.Field, fileError);
        }

        if (outcome.Errors is { } errors)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The file has errors; nothing was imported.",
                detail: errors.Count == 1 ? "1 problem was found." : $"{errors.Count} problems were found.",
                extensions: new Dictionary<string, object?> { ["rows"] = errors.Reported, ["errorCount"] = errors.Count });
        }

        return OutcomeResults.Problem(outcome.Failure!);
    }
}
