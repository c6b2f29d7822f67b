using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace StoreStock.Inventory.Access;

/// <summary>Password and API key hashing in one place, used by sign-in, user management and the sample seed.</summary>
public static class Secrets
{
    private static readonly PasswordHasher<object> Passwords = new();

    public static string HashPassword(string password) => Passwords.HashPassword(new object(), password);

    public static bool VerifyPassword(string hash, string password) =>
        Passwords.VerifyHashedPassword(new object(), hash, password) != PasswordVerificationResult.Failed;

    /// <summary>API keys look like "ssk_" + 12 prefix chars + "_" + secret; the prefix finds the row, the hash proves it.</summary>
    public static (string Key, string Prefix, byte[] Hash) NewApiKey()
    {
        var prefix = "ssk_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
        var key = prefix + "_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        return (key, prefix, HashApiKey(key));
    }

    public static string PrefixOf(string apiKey)
    {
        var underscore = apiKey.IndexOf('_', 4);
        return underscore < 0 ? apiKey : apiKey[..underscore];
    }

    public static byte[] HashApiKey(string apiKey) => SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
}
