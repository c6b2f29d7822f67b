using System.Globalization;
using Dapper;
using Npgsql;

namespace StoreStock.Samples;

/// <summary>
/// The sample catalog: about 75 products per category, built from the product lines with prices, shelf life,
/// demand, stock policy and barcodes drawn from a fixed seed, so every run builds the same catalog.
/// </summary>
internal sealed class SampleCatalog
{
    private const int Seed = 690_2024;
    private const int ExtraEan8Count = 4;
    private const int SecondEan13Count = 4;

    private SampleCatalog(IReadOnlyList<SampleProduct> products) => Products = products;

    public IReadOnlyList<SampleProduct> Products { get; }

    public static SampleCatalog Build()
    {
        var random = new Random(Seed);
        var barcodes = new SampleBarcodes(random);
        var products = new List<SampleProduct>();
        foreach (var category in SampleCategories.All)
        {
            var items = category.Lines
                .SelectMany(line => line.Variants.SelectMany(variant => line.Specs.Select(spec => (line, variant, spec))))
                .ToList();
            var demand = DrawDemand(random, category, items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                var (line, variant, (spec, price)) = items[i];
                products.Add(NewProduct(random, barcodes, category, line, variant, spec, price, demand[i], number: i + 1));
            }
        }

        AddSecondBarcodes(random, barcodes, products);
        return new SampleCatalog(products);
    }

    public async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "insert into category (code, name) select * from unnest(@codes, @names)",
            new { codes = SampleCategories.All.Select(c => c.Code).ToArray(), names = SampleCategories.All.Select(c => c.Name).ToArray() },
            transaction,
            cancellationToken: cancellationToken));

        var ids = await connection.QueryAsync<(int Id, string Sku)>(new CommandDefinition(
            """
            insert into product (sku, name, spec, unit, category_id, cost_price, sale_price, shelf_life_days,
                                 low_stock_line, overstock_days, safety_stock, lead_time_days, order_multiple, created_at, updated_at)
            select p.sku, p.name, p.spec, p.unit, c.id, p.cost, p.price, p.shelf_life,
                   p.low_stock_line, p.overstock_days, p.safety_stock, p.lead_time, p.order_multiple, @createdAt, @createdAt
            from unnest(@skus, @names, @specs, @units, @categories, @costs, @prices, @shelfLives,
                        @lowStockLines, @overstockDays, @safetyStocks, @leadTimes, @orderMultiples) with ordinality
                as p(sku, name, spec, unit, category, cost, price, shelf_life, low_stock_line, overstock_days, safety_stock, lead_time, order_multiple, n)
            join category c on c.code = p.category
            order by p.n
            returning id, sku
            """,
            new
            {
                skus = Products.Select(p => p.Sku).ToArray(),
                names = Products.Select(p => p.Name).ToArray(),
                specs = Products.Select(p => p.Spec).ToArray(),
                units = Products.Select(p => p.Unit).ToArray(),
                categories = Products.Select(p => p.Category.Code).ToArray(),
                costs = Products.Select(p => p.CostPrice).ToArray(),
                prices = Products.Select(p => p.SalePrice).ToArray(),
                shelfLives = Products.Select(p => p.ShelfLifeDays).ToArray(),
                lowStockLines = Products.Select(p => p.Policy.LowStockLine).ToArray(),
                overstockDays = Products.Select(p => p.Policy.OverstockDays).ToArray(),
                safetyStocks = Products.Select(p => p.Policy.SafetyStock).ToArray(),
                leadTimes = Products.Select(p => p.Policy.LeadTimeDays).ToArray(),
                orderMultiples = Products.Select(p => p.Policy.OrderMultiple).ToArray(),
                createdAt,
            },
            transaction,
            cancellationToken: cancellationToken));
        var idBySku = ids.ToDictionary(r => r.Sku, r => r.Id);
        foreach (var product in Products)
        {
            product.Id = idBySku[product.Sku];
        }

        var barcodes = Products.SelectMany(p => p.Barcodes.Select(b => (p.Id, b.Code, b.Kind))).ToList();
        await connection.ExecuteAsync(new CommandDefinition(
            "insert into product_barcode (barcode, product_id, kind) select * from unnest(@codes, @productIds, @kinds)",
            new
            {
                codes = barcodes.Select(b => b.Code).ToArray(),
                productIds = barcodes.Select(b => b.Id).ToArray(),
                kinds = barcodes.Select(b => b.Kind).ToArray(),
            },
            transaction,
            cancellationToken: cancellationToken));
    }

    private static SampleProduct NewProduct(
        Random random, SampleBarcodes barcodes, SampleCategory category, SampleProductLine line, string variant, string spec, decimal price, double demand, int number)
    {
        var storeMade = line.StoreMade;
        var costRatio = storeMade ? Between(random, 0.35m, 0.45m) : Between(random, category.MinCostRatio, category.MaxCostRatio);
        var leadTime = storeMade ? 1 : random.Next(category.MinLeadTimeDays, category.MaxLeadTimeDays + 1);
        var shelfLife = storeMade ? random.Next(2, 4) : category.ShelfLifeDays[random.Next(category.ShelfLifeDays.Count)];
        return new SampleProduct
        {
            Sku = string.Create(CultureInfo.InvariantCulture, $"{category.SkuPrefix}-{number:D4}"),
            Brand = line.Brand,
            Name = string.Join(' ', new[] { line.Brand, variant, spec }.Where(part => part.Length > 0)),
            Spec = spec,
            Unit = line.Unit,
            Category = category,
            CostPrice = Math.Round(price * costRatio, 2, MidpointRounding.AwayFromZero),
            SalePrice = price,
            ShelfLifeDays = shelfLife,
            DailyDemand = demand,
            Policy = PolicyFor(category, demand, leadTime),
            StoreMade = storeMade,
            GroupBuy = random.NextDouble() < category.GroupBuyShare,
            Barcodes = { storeMade ? barcodes.Internal() : barcodes.Ean13(line.Brand) },
        };
    }

    /// <summary>
    /// Safety stock covers about a day of demand, the low-stock line the lead time on top of it. Bakery is baked or
    /// delivered every morning, so its line only guards against an empty shelf.
    /// </summary>
    private static SamplePolicy PolicyFor(SampleCategory category, double demand, int leadTime)
    {
        if (category.IsBakery)
        {
            return new SamplePolicy(Math.Max(2, (int)Math.Ceiling(demand * 0.3)), 1, leadTime, 1, OverstockDays: 30);
        }

        var safety = Math.Max(1, (int)Math.Ceiling(demand));
        var multiple = category.OrderMultiples.First(m => demand >= m.MinDemand).Multiple;
        return new SamplePolicy(safety + (int)Math.Ceiling(demand * leadTime), safety, leadTime, multiple, OverstockDays: 30);
    }

    /// <summary>Fast, medium and slow sellers in the category's shares, shuffled over its products.</summary>
    private static double[] DrawDemand(Random random, SampleCategory category, int count)
    {
        var demand = new double[count];
        var next = 0;
        foreach (var tier in category.Demand)
        {
            var inTier = tier == category.Demand[^1] ? count - next : (int)Math.Round(count * tier.Share);
            for (var i = 0; i < inTier; i++)
            {
                demand[next++] = Math.Round(tier.Min + (random.NextDouble() * (tier.Max - tier.Min)), 1);
            }
        }

        random.Shuffle(demand);
        return demand;
    }

    /// <summary>A few products carry a second code: an EAN-8 for the small pack, or the EAN-13 of a new packaging.</summary>
    private static void AddSecondBarcodes(Random random, SampleBarcodes barcodes, IReadOnlyList<SampleProduct> products)
    {
        var candidates = products.Where(p => !p.StoreMade).ToArray();
        random.Shuffle(candidates);
        for (var i = 0; i < ExtraEan8Count + SecondEan13Count; i++)
        {
            var product = candidates[i];
            product.Barcodes.Add(i < ExtraEan8Count ? barcodes.Ean8() : barcodes.Ean13(product.Brand));
        }
    }

    private static decimal Between(Random random, decimal min, decimal max) => min + ((decimal)random.NextDouble() * (max - min));
}
