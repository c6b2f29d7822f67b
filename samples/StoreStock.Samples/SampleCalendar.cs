namespace StoreStock.Samples;

/// <summary>
/// The days the sample history covers, in China local time: the opening stock is counted on the evening before the
/// first day, and the last day of history is yesterday.
/// </summary>
internal sealed class SampleCalendar
{
    // China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact and needs no tz database.
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>A year of history is about 1.3 million moves, held in memory before they are written.</summary>
    public const int MaxHistoryDays = 366;

    public static readonly TimeSpan OpensAt = TimeSpan.FromHours(8);
    public static readonly TimeSpan ClosesAt = TimeSpan.FromHours(22);

    public SampleCalendar(DateTimeOffset now, int historyDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(historyDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(historyDays, MaxHistoryDays);
        Now = now.ToUniversalTime();
        Today = DateOnly.FromDateTime(Now.ToOffset(ChinaOffset).DateTime);
        HistoryDays = historyDays;
        FirstDay = Today.AddDays(-historyDays);
        OpeningDay = FirstDay.AddDays(-1);
    }

    public DateTimeOffset Now { get; }

    public DateOnly Today { get; }

    public int HistoryDays { get; }

    public DateOnly FirstDay { get; }

    /// <summary>The evening of the opening stock count, the day before the first day of history.</summary>
    public DateOnly OpeningDay { get; }

    public DateOnly Day(int index) => FirstDay.AddDays(index);

    /// <summary>A local time of day on a day, as a UTC instant (the form PostgreSQL timestamptz takes).</summary>
    public static DateTimeOffset At(DateOnly day, TimeSpan timeOfDay) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaOffset).Add(timeOfDay).ToUniversalTime();
}
