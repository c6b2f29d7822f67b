using Microsoft.AspNetCore.Http.HttpResults;
using StoreStock.Host.Auth;
using StoreStock.Inventory.Catalog.Export;
using StoreStock.Inventory.Catalog.Import;
using StoreStock.Inventory.Catalog.Spreadsheets;

namespace StoreStock.Host.Api.Catalog;

/// <summary>
/// GET /api/export/products and /api/export/stock, as ?format=xlsx (default) or csv, with Chinese headers unless
/// ?headers=en. Stock is limited to the caller's scope, or to one location with &amp;location=CODE.
/// </summary>
public static class ExportEndpoints
{
    public static void MapExportEndpoints(this RouteGroupBuilder api)
    {
        var exports = api.MapGroup("/export").WithTags("Import and export");
        exports.MapGet("/products", ProductsAsync);
        exports.MapGet("/stock", StockAsync);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ProductsAsync(
        ExportProducts export, CancellationToken cancellationToken, string? format = null, string? headers = null)
    {
        var (sheetFormat, language, problem) = Options(format, headers);
        if (problem is not null)
        {
            return problem;
        }

        return ToFile(await export.ExecuteAsync(sheetFormat, language, cancellationToken));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> StockAsync(
        HttpContext context, ExportStock export, CancellationToken cancellationToken, string? format = null, string? headers = null, string? location = null)
    {
        var (sheetFormat, language, problem) = Options(format, headers);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await export.ExecuteAsync(context.Caller(), sheetFormat, language, location, cancellationToken);
        return outcome.Value is { } file ? ToFile(file) : OutcomeResults.Problem(outcome);
    }

    private static (SheetFormat Format, HeaderLanguage Language, ProblemHttpResult? Problem) Options(string? format, string? headers)
    {
        if (!SheetWriter.TryParseFormat(format, out var sheetFormat))
        {
            return (default, default, Problems.Invalid("format", $"'{format}' is not a format; use xlsx or csv"));
        }

        HeaderLanguage? language = headers?.Trim().ToLowerInvariant() switch
        {
            null or "" or "zh" or "cn" or "zh-cn" => HeaderLanguage.Chinese,
            "en" => HeaderLanguage.English,
            _ => null,
        };
        return language is null
            ? (default, default, Problems.Invalid("headers", $"'{headers}' is not a header language; use zh or en"))
            : (sheetFormat, language.Value, null);
    }

    private static FileContentHttpResult ToFile(ExportFile file) => TypedResults.File(file.Content, file.ContentType, file.FileName);
}
