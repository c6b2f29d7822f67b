using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace StoreStock.Database;

/// <summary>One numbered SQL script of one module, e.g. module "inventory", name "0001_master_data.sql".</summary>
public sealed record SchemaScript(string Module, string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>Reads the embedded resources of an assembly whose names end in ".sql", ordered by name.</summary>
    public static IReadOnlyList<SchemaScript> FromAssembly(Assembly assembly, string module)
    {
        var scripts = new List<SchemaScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            // Resource names look like "StoreStock.Inventory.Schema.0001_master_data.sql".
            var parts = resource.Split('.');
            var name = parts[^2] + ".sql";
            scripts.Add(new SchemaScript(module, name, reader.ReadToEnd()));
        }

        return scripts.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }
}
