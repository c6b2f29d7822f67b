using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace StoreStock.TestSupport;

/// <summary>
/// The real host as a separate operating-system process over a given database, so a test can kill it
/// (SIGKILL: no shutdown, no flush, no Quartz handover) and start a new one in its place.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    public static async Task<HostProcess> StartAsync(string connectionString, IDictionary<string, string> settings)
    {
        var port = FreePort();
        var hostDll = Path.Combine(AppContext.BaseDirectory, "StoreStock.Host.dll");
        var start = new ProcessStartInfo("dotnet", [hostDll])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
            Environment =
            {
                ["ConnectionStrings__StoreStock"] = connectionString,
                ["Urls"] = $"http://127.0.0.1:{port}",
                ["Samples__SeedWhenEmpty"] = "false",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start)!;
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => host.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => host.Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitHealthyAsync();
        return host;
    }

    public HttpClient Client() =>
        new(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A client signed in (cookie) as a user with the test password.</summary>
    public async Task<HttpClient> SignInAsync(string username)
    {
        var client = Client();
        using var response = await client.PostAsJsonAsync(new Uri("/api/auth/sign-in", UriKind.Relative), new { username, password = TestOrg.Password });
        response.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>kill -9: the process gets no chance to finish anything it was doing.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {_process.ExitCode}:\n{string.Join('\n', Output)}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The host did not become healthy:\n{string.Join('\n', Output)}");
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
