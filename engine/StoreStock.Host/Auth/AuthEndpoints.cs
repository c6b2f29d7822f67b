using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using StoreStock.Host.Api;
using StoreStock.Inventory.Access;

namespace StoreStock.Host.Auth;

public static class AuthEndpoints
{
    public sealed record SignInRequest(string? Username, string? Password);

    public sealed record Me(string Actor, string? Role, int? RegionId, int? StoreId, IReadOnlyList<string> Channels);

    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/sign-in", SignInAsync).AllowAnonymous();
        auth.MapPost("/sign-out", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        });
        auth.MapGet("/me", (HttpContext context) =>
        {
            var caller = context.Caller();
            return TypedResults.Ok(new Me(caller.Actor, caller.Role, caller.RegionId, caller.StoreId, caller.Channels));
        });
    }

    private static async Task<Results<Ok<Me>, ProblemHttpResult>> SignInAsync(
        SignInRequest request, HttpContext context, NpgsqlDataSource dataSource)
    {
        if (string.IsNullOrWhiteSpace(request.Username))
        {
            return Problems.Invalid("username", "is required");
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            return Problems.Invalid("password", "is required");
        }

        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        var user = await connection.QuerySingleOrDefaultAsync<UserRow>(
            "select username, password_hash as PasswordHash, role, region_id as RegionId, store_id as StoreId from app_user where username = @username and is_active",
            new { username = request.Username.Trim() });
        if (user is null || !Secrets.VerifyPassword(user.PasswordHash, request.Password))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.", detail: "Unknown user or wrong password.");
        }

        var caller = Caller.ForUser(user.Username, user.Role, user.RegionId, user.StoreId);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, CallerClaims.ToPrincipal(caller, CookieAuthenticationDefaults.AuthenticationScheme));
        return TypedResults.Ok(new Me(caller.Actor, caller.Role, caller.RegionId, caller.StoreId, []));
    }

    private sealed record UserRow(string Username, string PasswordHash, string Role, int? RegionId, int? StoreId);
}
