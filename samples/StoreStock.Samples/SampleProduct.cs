namespace StoreStock.Samples;

/// <summary>A product of the sample catalog, with the demand the history simulation gives it.</summary>
internal sealed class SampleProduct
{
    public required string Sku { get; init; }

    /// <summary>Empty for items baked in the store.</summary>
    public required string Brand { get; init; }

    public required string Name { get; init; }

    public required string Spec { get; init; }

    public required string Unit { get; init; }

    public required SampleCategory Category { get; init; }

    public required decimal CostPrice { get; init; }

    public required decimal SalePrice { get; init; }

    public required int ShelfLifeDays { get; init; }

    /// <summary>Mean units sold per day by an average store on a weekday.</summary>
    public required double DailyDemand { get; init; }

    public required SamplePolicy Policy { get; init; }

    /// <summary>Baked in the store each morning: restocked daily, labelled with an internal code.</summary>
    public required bool StoreMade { get; init; }

    /// <summary>Sold as group-buy vouchers on Douyin, Meituan and WeChat as well.</summary>
    public required bool GroupBuy { get; init; }

    public List<(string Code, string Kind)> Barcodes { get; } = [];

    /// <summary>The database id, known once the product is inserted.</summary>
    public int Id { get; set; }

    public bool RestockedDaily => Category.IsBakery;
}

/// <summary>The stock policy of a product, or of a product in one store when the store overrides it.</summary>
internal sealed record SamplePolicy(int LowStockLine, int SafetyStock, int LeadTimeDays, int OrderMultiple, int OverstockDays);
