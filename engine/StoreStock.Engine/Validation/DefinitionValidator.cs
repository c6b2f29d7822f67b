using System.Text.RegularExpressions;
using StoreStock.Engine.Activities;
using StoreStock.Engine.Activities.BuiltIn;
using StoreStock.Engine.Definitions;
using StoreStock.Engine.Runtime;

namespace StoreStock.Engine.Validation;

/// <summary>
/// Every check a definition must pass before it is published; all problems are listed at once, each with the
/// activity id. Graph checks: one start, connections to known activities and ports, every port connected, every
/// activity reachable, no wait-all join fed by mutually exclusive branches, no loop without a waiting activity.
/// </summary>
public sealed partial class DefinitionValidator(ActivityRegistry registry, EngineServices services)
{
    public IReadOnlyList<ValidationProblem> Validate(WorkflowDefinition definition) => Validate(definition, out _);

    /// <summary>Validates and, when there is nothing wrong, returns the runnable form.</summary>
    public IReadOnlyList<ValidationProblem> Validate(WorkflowDefinition definition, out CompiledDefinition? compiled)
    {
        var context = new ValidationContext(services.Scripts, services.Templates, services.Org.RoleLadder);
        var activities = BuildActivities(definition, context);
        CheckVariables(definition, context);
        CheckStart(activities, context);
        CheckConnections(definition, activities, context);
        if (activities.Values.Count(a => a.Node.Type == "Start") == 1)
        {
            var graph = new Graph(definition, activities);
            CheckReachable(graph, context);
            CheckJoins(graph, context);
            CheckCycles(graph, context);
        }

        compiled = context.Problems.Count == 0 ? new CompiledDefinition(definition, activities) : null;
        return context.Problems;
    }

    /// <summary>The runnable form of a version that was valid when it was published.</summary>
    public CompiledDefinition Compile(WorkflowDefinition definition) =>
        new(definition, BuildActivities(definition, new ValidationContext(services.Scripts, services.Templates, services.Org.RoleLadder)));

    private Dictionary<string, Activity> BuildActivities(WorkflowDefinition definition, ValidationContext context)
    {
        var activities = new Dictionary<string, Activity>(StringComparer.Ordinal);
        foreach (var node in definition.Root.Activities)
        {
            if (string.IsNullOrWhiteSpace(node.Id) || !activities.TryAdd(node.Id, null!))
            {
                context.Add(node.Id, ProblemCode.DuplicateId, null, $"活动编号 \"{node.Id}\" 为空或重复", $"activity id \"{node.Id}\" is empty or used twice");
                continue;
            }

            var bindProblems = new List<(string Input, string Reason)>();
            var activity = registry.Build(node, bindProblems);
            if (activity is null)
            {
                activities.Remove(node.Id);
                context.Add(node.Id, ProblemCode.UnknownType, null, $"未知的活动类型 \"{node.Type}\"", $"unknown activity type \"{node.Type}\"");
                continue;
            }

            activities[node.Id] = activity;
            foreach (var (input, reason) in bindProblems)
            {
                context.Add(node.Id, ProblemCode.WrongInputType, input, $"输入 {input} 类型不对：{reason}", $"input {input} has the wrong type: {reason}");
            }

            CheckInputs(activity, context, bindProblems);
            activity.Validate(context);
        }

        return activities;
    }

    private static void CheckInputs(Activity activity, ValidationContext context, List<(string Input, string Reason)> bindProblems)
    {
        foreach (var (property, attribute) in ActivityRegistry.InputsOf(activity.GetType()))
        {
            var input = (IInput)property.GetValue(activity)!;
            var name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (attribute.Required && input.Expression is null && input.Literal is null && !bindProblems.Exists(p => p.Input == name))
            {
                context.Add(activity.Id, ProblemCode.MissingInput, name, $"缺少必填输入 {attribute.ZhName}（{name}）", $"required input {attribute.EnName} ({name}) is missing");
            }

            switch (input.Expression)
            {
                case { Syntax: Expression.JavaScript } js:
                    context.CheckScript(activity, name, js.Value);
                    break;
                case { Syntax: Expression.Template } template:
                    context.CheckTemplate(activity, name, template.Value);
                    break;
            }
        }
    }

    private static void CheckVariables(WorkflowDefinition definition, ValidationContext context)
    {
        string[] types = ["string", "number", "boolean", "object", "array"];
        foreach (var variable in definition.Variables)
        {
            if (!VariableName().IsMatch(variable.Name) || !types.Contains(variable.Type)
                || definition.Variables.Count(v => v.Name == variable.Name) > 1)
            {
                context.Add(null, ProblemCode.InvalidVariable, $"variables.{variable.Name}",
                    $"变量 \"{variable.Name}\" 名称无效、重复或类型不是 {string.Join("/", types)}",
                    $"variable \"{variable.Name}\" has an invalid or repeated name, or a type other than {string.Join("/", types)}");
            }
        }
    }

    private static void CheckStart(Dictionary<string, Activity> activities, ValidationContext context)
    {
        var starts = activities.Values.Where(a => a.Node.Type == "Start").ToList();
        if (starts.Count == 0)
        {
            context.Add(null, ProblemCode.NoStart, null, "流程没有开始节点", "the flowchart has no Start activity");
        }

        foreach (var extra in starts.Skip(1))
        {
            context.Add(extra.Id, ProblemCode.MoreThanOneStart, null, "流程只能有一个开始节点", "a flowchart has exactly one Start activity");
        }
    }

    private static void CheckConnections(WorkflowDefinition definition, Dictionary<string, Activity> activities, ValidationContext context)
    {
        foreach (var connection in definition.Root.Connections)
        {
            foreach (var end in new[] { connection.Source, connection.Target }.Where(id => !activities.ContainsKey(id) && !definition.Root.Activities.Exists(a => a.Id == id)))
            {
                context.Add(end, ProblemCode.UnknownActivity, null, $"连线指向不存在的活动 \"{end}\"", $"a connection refers to activity \"{end}\", which does not exist");
            }

            if (activities.TryGetValue(connection.Source, out var source) && !source.Outcomes().Contains(connection.Outcome))
            {
                context.Add(source.Id, ProblemCode.UnknownOutcome, null,
                    $"活动没有结果端口 \"{connection.Outcome}\"（有：{string.Join("、", source.Outcomes())}）",
                    $"the activity has no outcome \"{connection.Outcome}\" (it has: {string.Join(", ", source.Outcomes())})");
            }
        }

        foreach (var activity in activities.Values)
        {
            foreach (var outcome in activity.Outcomes().Where(o => !definition.Root.Connections.Exists(c => c.Source == activity.Id && c.Outcome == o)))
            {
                context.Add(activity.Id, ProblemCode.OutcomeNotConnected, null, $"结果端口 \"{outcome}\" 没有连线", $"outcome \"{outcome}\" is not connected");
            }
        }
    }

    private static void CheckReachable(Graph graph, ValidationContext context)
    {
        var reached = graph.ReachableFromStart(skip: null);
        foreach (var id in graph.Activities.Keys.Where(id => !reached.Contains(id)))
        {
            context.Add(id, ProblemCode.Unreachable, null, "从开始节点无法到达该活动", "the activity cannot be reached from Start");
        }
    }

    /// <summary>
    /// A wait-all join never completes when two of its incoming branches need different outcomes of one activity
    /// that leaves by a single port (a Decision's True and False, two buttons of a task).
    /// </summary>
    private static void CheckJoins(Graph graph, ValidationContext context)
    {
        foreach (var join in graph.Activities.Values.OfType<Join>().Where(j => !j.IsWaitAny))
        {
            var needs = graph.Inbound(join.Id)
                .GroupBy(c => c.Source, StringComparer.Ordinal)
                .Select(g => graph.Requirements(g.Key, g.Select(c => c.Outcome).ToHashSet(StringComparer.Ordinal)))
                .ToList();
            var conflict = needs.SelectMany((a, i) => needs.Skip(i + 1).SelectMany(b =>
                a.Where(x => b.TryGetValue(x.Key, out var other) && !x.Value.Overlaps(other)).Select(x => x.Key))).FirstOrDefault();
            if (conflict is not null)
            {
                context.Add(join.Id, ProblemCode.JoinNeverCompletes, null,
                    $"汇合（全部）永远无法完成：进入它的分支分别依赖 {conflict} 的不同结果，只会走其中一个",
                    $"this wait-all join can never complete: its branches depend on different outcomes of {conflict}, and only one is ever taken");
            }
        }
    }

    private static void CheckCycles(Graph graph, ValidationContext context)
    {
        foreach (var cycle in graph.Cycles().Where(c => !c.Any(id => graph.Activities[id].IsBlocking)))
        {
            context.Add(cycle[0], ProblemCode.CycleWithoutWait, null,
                $"循环 {string.Join(" → ", cycle)} 中没有等待的活动，会无限执行",
                $"the loop {string.Join(" → ", cycle)} has no waiting activity and would run forever");
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex VariableName();
}
