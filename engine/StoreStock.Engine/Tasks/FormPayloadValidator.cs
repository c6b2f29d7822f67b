using System.Text.Json;
using System.Text.Json.Nodes;

namespace StoreStock.Engine.Tasks;

/// <summary>Checks a completion payload against the card's form: required fields, types, ranges, choices, product lines.</summary>
public static class FormPayloadValidator
{
    public const int MaxTextLength = 2000;

    public static FieldErrors Validate(IReadOnlyList<FormField> form, JsonObject payload, JsonObject? variables = null)
    {
        var errors = new FieldErrors();
        foreach (var field in form)
        {
            var key = $"payload.{field.Name}";
            payload.TryGetPropertyValue(field.Name, out var value);
            if (value is null)
            {
                if (field.Required)
                {
                    errors.Add(key, "is required");
                }

                continue;
            }

            CheckValue(field, value, key, errors);
            if (field.Type == FormFieldType.ProductLines && field.LinesFrom is { } listedIn && !errors.Any)
            {
                CheckAgainstListed(field, (JsonArray)value, variables?[listedIn] as JsonArray ?? [], key, errors);
            }
        }

        foreach (var (name, _) in payload)
        {
            if (name != "comment" && !form.Any(f => f.Name == name))
            {
                errors.Add($"payload.{name}", "is not a field of this task's form");
            }
        }

        if (payload["comment"] is { } comment && (comment.GetValueKind() != JsonValueKind.String || comment.GetValue<string>().Length > MaxTextLength))
        {
            errors.Add("payload.comment", $"must be text of at most {MaxTextLength} characters");
        }

        return errors;
    }

    private static void CheckValue(FormField field, JsonNode value, string key, FieldErrors errors)
    {
        switch (field.Type)
        {
            case FormFieldType.Number:
                if (!TryNumber(value, out var number))
                {
                    errors.Add(key, "must be a number");
                }
                else if (number < field.Min || number > field.Max)
                {
                    errors.Add(key, $"must be between {field.Min?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-∞"} and {field.Max?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "∞"}");
                }

                break;
            case FormFieldType.Text or FormFieldType.Photo:
                if (value.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetValue<string>()))
                {
                    errors.Add(key, field.Type == FormFieldType.Photo ? "must be the id or URL of an uploaded photo" : "must be non-empty text");
                }
                else if (value.GetValue<string>().Length > MaxTextLength)
                {
                    errors.Add(key, $"must be at most {MaxTextLength} characters");
                }

                break;
            case FormFieldType.Choice:
                if (value.GetValueKind() != JsonValueKind.String || field.Options?.Contains(value.GetValue<string>()) != true)
                {
                    errors.Add(key, $"must be one of: {string.Join(", ", field.Options ?? [])}");
                }

                break;
            case FormFieldType.ProductLines:
                CheckProductLines(value, key, errors);
                break;
        }
    }

    private static void CheckProductLines(JsonNode value, string key, FieldErrors errors)
    {
        if (value is not JsonArray lines || lines.Count == 0)
        {
            errors.Add(key, "must be a non-empty list of { productId, quantity }");
            return;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i] as JsonObject;
            if (line?["productId"] is not { } id || !TryNumber(id, out var productId) || productId <= 0 || productId > int.MaxValue || productId != decimal.Truncate(productId))
            {
                errors.Add($"{key}[{i}].productId", "must be a product id");
            }

            if (line?["quantity"] is not { } quantity || !TryNumber(quantity, out var amount) || amount < 0 || amount > 1_000_000)
            {
                errors.Add($"{key}[{i}].quantity", "must be a number from 0 to 1,000,000");
            }
        }
    }

    /// <summary>Each line names a listed product once; with <see cref="FormField.UpToListed"/> its quantity is at most the listed one.</summary>
    private static void CheckAgainstListed(FormField field, JsonArray lines, JsonArray listed, string key, FieldErrors errors)
    {
        var allowed = new Dictionary<decimal, decimal>();
        foreach (var line in listed.OfType<JsonObject>())
        {
            if (line["productId"] is { } id && TryNumber(id, out var productId) && line["quantity"] is { } q && TryNumber(q, out var quantity))
            {
                allowed[productId] = allowed.GetValueOrDefault(productId) + quantity;
            }
        }

        var seen = new HashSet<decimal>();
        for (var i = 0; i < lines.Count; i++)
        {
            TryNumber(lines[i]!["productId"]!, out var productId);
            TryNumber(lines[i]!["quantity"]!, out var quantity);
            if (!allowed.TryGetValue(productId, out var most))
            {
                errors.Add($"{key}[{i}].productId", "is not one of this task's lines");
            }
            else if (!seen.Add(productId))
            {
                errors.Add($"{key}[{i}].productId", "appears more than once");
            }
            else if (field.UpToListed && quantity > most)
            {
                errors.Add($"{key}[{i}].quantity", $"may not exceed {most.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            }
        }
    }

    /// <summary>A JSON number that fits a decimal; 1e30 and the like are not numbers a form can take.</summary>
    private static bool TryNumber(JsonNode node, out decimal number)
    {
        number = 0;
        return node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue(out number);
    }
}
