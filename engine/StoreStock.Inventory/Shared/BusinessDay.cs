namespace StoreStock.Inventory.Shared;

/// <summary>The business day of every store is the calendar day in China: document numbers, daily runs, reports.</summary>
public static class BusinessDay
{
    public static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly Of(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, China).DateTime);

    /// <summary>The moment the business day of <paramref name="moment"/> ends (midnight in China).</summary>
    public static DateTimeOffset EndOf(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, China);
        return new DateTimeOffset(local.Date.AddDays(1), local.Offset);
    }
}
