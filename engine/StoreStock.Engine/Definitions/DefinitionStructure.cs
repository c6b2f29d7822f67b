namespace StoreStock.Engine.Definitions;

/// <summary>
/// The parts a definition must have before it can be stored or validated at all (JSON nulls where lists, ids and
/// types belong). What those parts mean is the validator's business.
/// </summary>
public static class DefinitionStructure
{
    public static FieldErrors Check(WorkflowDefinition definition)
    {
        var errors = new FieldErrors();
        if (definition.Variables is null)
        {
            errors.Add("variables", "must be a list");
        }
        else
        {
            for (var i = 0; i < definition.Variables.Count; i++)
            {
                if (definition.Variables[i]?.Name is null)
                {
                    errors.Add($"variables[{i}].name", "is required");
                }
            }
        }

        if (definition.Root is null)
        {
            errors.Add("root", "is required");
            return errors;
        }

        CheckActivities(definition.Root.Activities, errors);
        CheckConnections(definition.Root.Connections, errors);
        return errors;
    }

    private static void CheckActivities(List<ActivityNode>? activities, FieldErrors errors)
    {
        if (activities is null)
        {
            errors.Add("root.activities", "must be a list");
            return;
        }

        for (var i = 0; i < activities.Count; i++)
        {
            var field = $"root.activities[{i}]";
            if (activities[i] is not { } node)
            {
                errors.Add(field, "must be an activity");
                continue;
            }

            if (node.Id is null)
            {
                errors.Add($"{field}.id", "is required");
            }

            if (node.Type is null)
            {
                errors.Add($"{field}.type", "is required");
            }

            if (node.Inputs is null)
            {
                errors.Add($"{field}.inputs", "must be an object");
            }
        }
    }

    private static void CheckConnections(List<Connection>? connections, FieldErrors errors)
    {
        if (connections is null)
        {
            errors.Add("root.connections", "must be a list");
            return;
        }

        for (var i = 0; i < connections.Count; i++)
        {
            var field = $"root.connections[{i}]";
            if (connections[i] is not { } connection)
            {
                errors.Add(field, "must be a connection");
                continue;
            }

            foreach (var (part, value) in new[] { ("source", connection.Source), ("outcome", connection.Outcome), ("target", connection.Target) })
            {
                if (value is null)
                {
                    errors.Add($"{field}.{part}", "is required");
                }
            }
        }
    }
}
