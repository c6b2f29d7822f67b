using StoreStock.Engine.Runtime;
using StoreStock.Host.Api;
using StoreStock.Host.Auth;
using StoreStock.Inventory.Access;

namespace StoreStock.Host.Workflows;

/// <summary>The signed-in person as the engine sees them; workflow endpoints are for people, not API keys.</summary>
public static class WorkflowCaller
{
    public static WorkflowActor WorkflowActor(this HttpContext context)
    {
        var caller = context.Caller();
        return new WorkflowActor(caller.Actor, StoreStock.Engine.Runtime.WorkflowActor.UsernameOf(caller.Actor),
            caller.Role, caller.RegionId, caller.StoreId);
    }

    /// <summary>An endpoint filter: refuses API keys and people whose role lacks the permission, before the handler runs.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var caller = context.HttpContext.Caller();
            if (caller.IsApiKey)
            {
                return Problems.Forbidden("流程与任务接口只对登录用户开放 (workflows are for signed-in people, not API keys)");
            }

            return caller.Can(permission) ? await next(context) : Problems.Forbidden($"你的角色没有权限：{permission} (your role may not do this)");
        });
}
