using StoreStock.Engine.Activities;
using StoreStock.Engine.Expressions;
using StoreStock.Engine.Tasks;

namespace StoreStock.Engine.Validation;

/// <summary>Collects problems; activities use its checks for the inputs only they understand.</summary>
public sealed class ValidationContext(ScriptSandbox scripts, TemplateRenderer templates, IReadOnlyList<string> roles)
{
    public List<ValidationProblem> Problems { get; } = [];

    public void Add(string? activityId, string code, string? input, string message, string messageEn) =>
        Problems.Add(new ValidationProblem(activityId, code, input, message, messageEn));

    public void CheckRoles(Activity activity, string input, IReadOnlyList<string>? names)
    {
        foreach (var role in names ?? [])
        {
            if (!roles.Contains(role))
            {
                Add(activity.Id, ProblemCode.UnknownRole, input, $"角色 \"{role}\" 不存在，可用：{string.Join("、", roles)}", $"role \"{role}\" does not exist; known roles: {string.Join(", ", roles)}");
            }
        }
    }

    public void CheckScript(Activity activity, string input, string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return;
        }

        try
        {
            scripts.Parse(code);
        }
        catch (ScriptException e)
        {
            Add(activity.Id, ProblemCode.ScriptSyntax, input, $"JavaScript 无法解析：{e.InnerException?.Message}", $"the JavaScript does not parse: {e.InnerException?.Message}");
        }
    }

    public void CheckTemplate(Activity activity, string input, string? template)
    {
        if (string.IsNullOrEmpty(template))
        {
            return;
        }

        try
        {
            templates.Compile(template);
        }
        catch (TemplateException e)
        {
            Add(activity.Id, ProblemCode.TemplateSyntax, input, $"模板无法编译：{e.InnerException?.Message}", $"the template does not compile: {e.InnerException?.Message}");
        }
    }

    public void CheckForm(Activity activity, string input, List<FormField>? form)
    {
        foreach (var field in form ?? [])
        {
            if (string.IsNullOrWhiteSpace(field.Name) || !FormFieldType.All.Contains(field.Type)
                || (field.Type == FormFieldType.Choice && field.Options is not { Count: > 0 }))
            {
                Add(activity.Id, ProblemCode.InvalidForm, input,
                    $"表单字段 \"{field.Name}\" 需要名称和类型（{string.Join("/", FormFieldType.All)}），选择题需要选项",
                    $"form field \"{field.Name}\" needs a name and a type ({string.Join("/", FormFieldType.All)}); a choice needs options");
            }
        }

        if (form?.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            Add(activity.Id, ProblemCode.InvalidForm, input, $"表单字段 \"{duplicate.Key}\" 重复", $"form field \"{duplicate.Key}\" appears twice");
        }
    }

    public void CheckDeadline(Activity activity, string input, DeadlinePolicy? deadline)
    {
        foreach (var (name, value) in new[] { ("remindAfter", deadline?.RemindAfter), ("escalateAfter", deadline?.EscalateAfter), ("expireAfter", deadline?.ExpireAfter) })
        {
            if (value is not null && !Durations.TryParse(value, out _))
            {
                Add(activity.Id, ProblemCode.InvalidDuration, $"{input}.{name}", $"\"{value}\" 不是有效时长（如 PT24H）", $"\"{value}\" is not a duration (e.g. PT24H)");
            }
        }

        if (deadline?.EscalateTo is { Length: > 0 } escalateTo)
        {
            CheckRoles(activity, $"{input}.escalateTo", [escalateTo]);
        }

        if (deadline is not null && deadline.EscalationMode is not ("reassign" or "add"))
        {
            Add(activity.Id, ProblemCode.WrongInputType, $"{input}.escalationMode", "升级方式只能是 reassign 或 add", "escalation mode must be reassign or add");
        }
    }
}
