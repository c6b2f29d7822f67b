using System.Globalization;
using System.Security.Claims;
using StoreStock.Inventory.Access;

namespace StoreStock.Host.Auth;

/// <summary>Turns a <see cref="Caller"/> into claims and back, so cookie and API key callers look alike to the API.</summary>
public static class CallerClaims
{
    private const string Actor = "ss:actor";
    private const string RoleClaim = "ss:role";
    private const string Region = "ss:region";
    private const string Store = "ss:store";
    private const string Channel = "ss:channel";
    private const string KeyStore = "ss:key_store";

    public static ClaimsPrincipal ToPrincipal(Caller caller, string scheme)
    {
        var claims = new List<Claim> { new(Actor, caller.Actor), new(ClaimTypes.Name, caller.Actor) };
        if (caller.Role is not null)
        {
            claims.Add(new Claim(RoleClaim, caller.Role));
        }

        if (caller.RegionId is { } region)
        {
            claims.Add(new Claim(Region, region.ToString(CultureInfo.InvariantCulture)));
        }

        if (caller.StoreId is { } store)
        {
            claims.Add(new Claim(Store, store.ToString(CultureInfo.InvariantCulture)));
        }

        claims.AddRange(caller.Channels.Select(c => new Claim(Channel, c)));
        claims.AddRange(caller.ApiKeyStoreIds.Select(s => new Claim(KeyStore, s.ToString(CultureInfo.InvariantCulture))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static Caller Caller(this HttpContext context)
    {
        var user = context.User;
        var actor = user.FindFirstValue(Actor) ?? throw new InvalidOperationException("Endpoint reached without authentication.");
        return new Caller(
            actor,
            user.FindFirstValue(RoleClaim),
            ParseOrNull(user.FindFirstValue(Region)),
            ParseOrNull(user.FindFirstValue(Store)),
            user.FindAll(Channel).Select(c => c.Value).ToList(),
            user.FindAll(KeyStore).Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture)).ToList());
    }

    private static int? ParseOrNull(string? value) => value is null ? null : int.Parse(value, CultureInfo.InvariantCulture);
}
