using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace StoreStock.Database;

/// <summary>
/// A private PostgreSQL cluster in a folder of our own, started with the machine's PostgreSQL binaries.
/// PostgreSQL refuses to run as root, so when we are root the server runs as the <c>postgres</c> user.
/// The server listens on loopback TCP only (no unix socket), so it needs no system directories.
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    private const string SuperUser = "storestock";
    private readonly string _dataDirectory;
    private readonly string _binDirectory;
    private readonly ILogger _logger;
    private readonly bool _durable;
    private bool _startedByUs;

    public LocalPostgresCluster(string dataDirectory, int port, ILogger logger, bool durable = true, string? binDirectory = null)
    {
        _dataDirectory = Path.GetFullPath(dataDirectory);
        Port = port;
        _logger = logger;
        _durable = durable;
        _binDirectory = binDirectory ?? FindBinDirectory();
    }

    public int Port { get; }

    public string BinDirectory => _binDirectory;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username={SuperUser};Database={database};Include Error Detail=true";

    /// <summary>Runs initdb when the folder is empty, then starts the server (or adopts one left running).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_dataDirectory);
        if (!File.Exists(Path.Combine(_dataDirectory, "PG_VERSION")))
        {
            _logger.LogInformation("Creating PostgreSQL cluster in {DataDirectory}", _dataDirectory);
            GiveToServerUser(_dataDirectory);
            await RunAsync("initdb", ["-D", _dataDirectory, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"], cancellationToken);
        }

        if (await IsRunningAsync(cancellationToken))
        {
            _logger.LogInformation("PostgreSQL already running on port {Port}; using it", Port);
            return;
        }

        var options = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' ")
            .Append("-c max_connections=200 -c shared_buffers=256MB ");
        if (!_durable)
        {
            // Throwaway test clusters: durability buys nothing and costs seconds per test run.
            options.Append("-c fsync=off -c synchronous_commit=off -c full_page_writes=off ");
        }

        var logFile = Path.Combine(_dataDirectory, "server.log");
        await RunAsync("pg_ctl", ["start", "-D", _dataDirectory, "-w", "-t", "60", "-l", logFile, "-o", options.ToString()], cancellationToken);
        _startedByUs = true;
        _logger.LogInformation("PostgreSQL started on port {Port}", Port);
    }

    public async Task StopAsync()
    {
        if (!_startedByUs)
        {
            return;
        }

        _startedByUs = false;
        await RunAsync("pg_ctl", ["stop", "-D", _dataDirectory, "-m", "fast", "-w"], CancellationToken.None);
        _logger.LogInformation("PostgreSQL stopped");
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    public static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string FindBinDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        var root = "/usr/lib/postgresql";
        if (Directory.Exists(root))
        {
            var newest = Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => d, StringComparer.Ordinal)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        throw new InvalidOperationException(
            "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin. Install them (apt-get install postgresql) or set PG_BIN.");
    }

    private async Task<bool> IsRunningAsync(CancellationToken cancellationToken)
    {
        var status = await RunAsync("pg_ctl", ["status", "-D", _dataDirectory], cancellationToken, throwOnError: false);
        return status == 0;
    }

    private static bool RunningAsRoot => Environment.UserName == "root";

    private static void GiveToServerUser(string directory)
    {
        if (!RunningAsRoot || OperatingSystem.IsWindows())
        {
            return;
        }

        using var chown = Process.Start("chown", ["-R", "postgres:postgres", directory]);
        chown.WaitForExit();
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"Could not give {directory} to the postgres user.");
        }

        // Every ancestor must be traversable by the server user, or initdb cannot reach the folder.
        for (var dir = Directory.GetParent(directory); dir is not null; dir = dir.Parent)
        {
            var mode = File.GetUnixFileMode(dir.FullName);
            if ((mode & UnixFileMode.OtherExecute) == UnixFileMode.None)
            {
                throw new InvalidOperationException(
                    $"The postgres user cannot reach {directory}: {dir.FullName} is not traversable. Run `chmod o+x {dir.FullName}` or set ConnectionStrings__StoreStock.");
            }
        }
    }

    private async Task<int> RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool throwOnError = true)
    {
        var executable = Path.Combine(_binDirectory, tool);
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        if (RunningAsRoot)
        {
            start.FileName = "runuser";
            foreach (var part in new[] { "-u", "postgres", "--", executable })
            {
                start.ArgumentList.Add(part);
            }
        }
        else
        {
            start.FileName = executable;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        // pg_ctl start leaves the server holding inherited pipes open; read to end only for short-lived tools.
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 && throwOnError)
        {
            var error = await stderr;
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {error}{await stdout}");
        }

        return process.ExitCode;
    }
}
