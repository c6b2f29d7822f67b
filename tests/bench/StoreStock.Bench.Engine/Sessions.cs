using System.Net;
using System.Net.Http.Json;
using StoreStock.TestSupport;

namespace StoreStock.Bench.Engine;

/// <summary>
/// Every bench user signed in once through the API; requests then carry that user's cookie, so one HTTP client
/// (and its connection pool) serves all users.
/// </summary>
public sealed class Sessions
{
    private const string CookieName = "storestock.auth";
    private readonly Dictionary<string, string> _cookies;

    private Sessions(Dictionary<string, string> cookies) => _cookies = cookies;

    public int Count => _cookies.Count;

    public static async Task<Sessions> SignInAsync(HttpClient http, IEnumerable<string> usernames, CancellationToken cancellationToken)
    {
        // Password hashing is deliberately slow; sign in a few at a time.
        var signedIn = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(usernames, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (username, ct) =>
        {
            using var response = await http.PostAsJsonAsync(new Uri("/api/auth/sign-in", UriKind.Relative), new { username, password = TestOrg.Password }, ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"Sign-in of {username} failed: HTTP {(int)response.StatusCode}");
            }

            var cookie = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal));
            signedIn[username] = cookie;
        });
        return new Sessions(new Dictionary<string, string>(signedIn, StringComparer.Ordinal));
    }

    /// <summary>Marks a request as sent by the user.</summary>
    public void Authenticate(HttpRequestMessage request, string username) =>
        request.Headers.Add("Cookie", _cookies.TryGetValue(username, out var cookie) ? cookie : throw new InvalidOperationException($"{username} is not signed in."));
}
