using System.Globalization;
using StoreStock.Inventory.Alerts;

namespace StoreStock.Workflows.Alerts;

/// <summary>What the store manager reads about an alert (zh-CN first, English in parentheses).</summary>
public static class AlertMessages
{
    public static (string Title, string Body) For(DueAlert a)
    {
        var product = a.ProductName;
        var (title, detail) = a.Kind switch
        {
            AlertKind.LowStock => ($"低库存：{product} 剩 {Q(a.Available)}{a.Unit} (≤ {Q(a.LowLine)})",
                $"可用 {Q(a.Available)}{a.Unit}，低于预警线 {Q(a.LowLine)}{a.Unit}，请及时补货 (low stock: available at or below the low line)"),
            AlertKind.Overstock => ($"库存积压：{product} 在手 {Q(a.OnHand)}{a.Unit}，建议促销",
                $"近30天日均销量 {Q(a.AvgDailySales)}{a.Unit}，在手超过 {a.OverstockDays} 天销量，建议促销 (overstock: suggest a promotion)"),
            AlertKind.NoSale => ($"滞销：{product} 已 {a.DaysWithoutSale} 天无销售",
                $"在手 {Q(a.OnHand)}{a.Unit}，已连续 {a.DaysWithoutSale} 天没有销售，请检查陈列或价格 (no sale for {a.DaysWithoutSale} days while in stock)"),
            AlertKind.NegativeStock => ($"负库存：{product} 在手 {Q(a.OnHand)}{a.Unit}",
                $"账面库存为负，请盘点核实 (negative stock: count it and correct the record)"),
            _ => throw new ArgumentOutOfRangeException(nameof(a), a.Kind, "unknown alert kind"),
        };
        var reminder = a.IsNew ? "" : "【再次提醒】";
        return (reminder + title, $"{a.StoreName} ({a.StoreCode}) · {a.Sku} {product}：{detail}");
    }

    private static string Q(decimal quantity) => quantity.ToString("0.###", CultureInfo.InvariantCulture);
}
