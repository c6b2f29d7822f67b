using System.Globalization;
using StoreStock.Inventory.Catalog;

namespace StoreStock.Samples;

/// <summary>
/// Issues unique barcodes: GS1 China EAN-13 (prefix 690–695, one company number per brand, item numbers counting
/// up within the brand), EAN-8 for small packs, and internal codes for items baked in the store.
/// </summary>
internal sealed class SampleBarcodes(Random random)
{
    private readonly Dictionary<string, (string Company, int NextItem)> _brands = [];
    private readonly HashSet<string> _companies = [];
    private readonly HashSet<string> _issued = [];
    private int _nextInternal = 101;

    public (string Code, string Kind) Ean13(string brand)
    {
        if (!_brands.TryGetValue(brand, out var company))
        {
            string number;
            do
            {
                number = string.Create(CultureInfo.InvariantCulture, $"69{random.Next(0, 6)}{random.Next(1000, 10000)}");
            }
            while (!_companies.Add(number));

            company = (number, random.Next(10, 600) * 100);
        }

        var code = Barcode.WithCheckDigit(company.Company + company.NextItem.ToString("D5", CultureInfo.InvariantCulture));
        _brands[brand] = (company.Company, company.NextItem + random.Next(1, 12));
        return Issue(code);
    }

    public (string Code, string Kind) Ean8()
    {
        string code;
        do
        {
            code = Barcode.WithCheckDigit(string.Create(CultureInfo.InvariantCulture, $"69{random.Next(0, 6)}{random.Next(0, 10000):D4}"));
        }
        while (_issued.Contains(code));

        return Issue(code);
    }

    /// <summary>The code printed on the label of an item baked in the store, e.g. BK2000123.</summary>
    public (string Code, string Kind) Internal() =>
        Issue(string.Create(CultureInfo.InvariantCulture, $"BK2{_nextInternal++:D6}"));

    private (string Code, string Kind) Issue(string code)
    {
        var (kind, error) = Barcode.Classify(code);
        if (kind is null || !_issued.Add(code))
        {
            throw new InvalidOperationException($"Sample barcode {code} is invalid or issued twice: {error}");
        }

        return (code, kind);
    }
}
