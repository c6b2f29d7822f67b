namespace StoreStock.Engine.Validation;

/// <summary>One thing wrong with a definition: where (activity and input), what kind, and a plain message in zh-CN and en.</summary>
public sealed record ValidationProblem(string? ActivityId, string Code, string? Input, string Message, string MessageEn);

public static class ProblemCode
{
    public const string NoStart = "no_start";
    public const string MoreThanOneStart = "more_than_one_start";
    public const string DuplicateId = "duplicate_id";
    public const string UnknownType = "unknown_type";
    public const string MissingInput = "missing_input";
    public const string WrongInputType = "wrong_input_type";
    public const string UnknownActivity = "unknown_activity";
    public const string UnknownOutcome = "unknown_outcome";
    public const string OutcomeNotConnected = "outcome_not_connected";
    public const string Unreachable = "unreachable";
    public const string JoinNeverCompletes = "join_never_completes";
    public const string CycleWithoutWait = "cycle_without_wait";
    public const string ScriptSyntax = "script_syntax";
    public const string TemplateSyntax = "template_syntax";
    public const string UnknownRole = "unknown_role";
    public const string InvalidForm = "invalid_form";
    public const string InvalidDuration = "invalid_duration";
    public const string InvalidVariable = "invalid_variable";
}
