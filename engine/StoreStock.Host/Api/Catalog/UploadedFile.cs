using Microsoft.AspNetCore.Http.HttpResults;

namespace StoreStock.Host.Api.Catalog;

/// <summary>The file of a multipart upload (form field "file"), read into memory within the import size limit.</summary>
public static class UploadedFile
{
    public const string Field = "file";
    public const long MaxBytes = 32 * 1024 * 1024;

    public static async Task<(byte[]? Content, string? FileName, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, null, Problems.Invalid(Field, "upload the .xlsx or .csv file as multipart/form-data in the form field 'file'"));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null, TooLarge());
        }
        catch (InvalidDataException e)
        {
            return (null, null, Problems.Invalid(Field, "the upload could not be read as multipart/form-data: " + e.Message));
        }

        var file = form.Files.GetFile(Field);
        if (file is null)
        {
            return (null, null, Problems.Invalid(Field, "is required: upload the .xlsx or .csv file in the form field 'file'"));
        }

        if (file.Length > MaxBytes)
        {
            return (null, null, TooLarge());
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return (buffer.ToArray(), file.FileName, null);
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large.",
        detail: $"{Field}: files up to {MaxBytes / (1024 * 1024)} MB can be imported; split the file",
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [Field] = [$"is larger than {MaxBytes / (1024 * 1024)} MB"] } });
}
