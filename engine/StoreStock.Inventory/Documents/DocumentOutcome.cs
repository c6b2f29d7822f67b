using StoreStock.Inventory.Shared;

namespace StoreStock.Inventory.Documents;

/// <summary>What a document operation answers: the document, or why not (status code + reason, or field errors).</summary>
public sealed record DocumentOutcome(DocumentView? Document, int Status, string? Problem = null, ValidationErrors? Errors = null, object? Extra = null)
{
    public static DocumentOutcome Ok(DocumentView document, int status = 200) => new(document, status);

    public static DocumentOutcome Invalid(ValidationErrors errors) => new(null, 400, "The request is not valid.", errors);

    public static DocumentOutcome Invalid(string field, string reason)
    {
        var errors = new ValidationErrors();
        errors.Add(field, reason);
        return Invalid(errors);
    }

    public static DocumentOutcome Refused(int status, string problem, object? extra = null) => new(null, status, problem, Extra: extra);
}
