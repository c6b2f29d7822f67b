using System.Security.Cryptography;
using System.Text;

namespace StoreStock.WeCom.Crypto;

/// <summary>msg_signature: lower-case hex SHA-1 of token, timestamp, nonce and the encrypted text, sorted ordinally and joined.</summary>
public static class WeComSignature
{
    public static string Compute(string token, string timestamp, string nonce, string encrypted)
    {
        string[] parts = [token, timestamp, nonce, encrypted];
        Array.Sort(parts, StringComparer.Ordinal);
#pragma warning disable CA5350 // SHA-1 is what WeCom signs with; the choice is theirs, not ours
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
#pragma warning restore CA5350
    }

    /// <summary>Constant-time comparison, case-insensitive as WeCom's samples compare.</summary>
    public static bool Matches(string token, string timestamp, string nonce, string encrypted, string? given) =>
        given is { Length: 40 } &&
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Compute(token, timestamp, nonce, encrypted)),
            Encoding.ASCII.GetBytes(given.ToLowerInvariant()));
}
