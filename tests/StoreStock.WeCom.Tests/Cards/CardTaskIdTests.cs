using StoreStock.WeCom.Cards;

namespace StoreStock.WeCom.Tests.Cards;

public sealed class CardTaskIdTests
{
    [Fact]
    public void A_task_id_round_trips_and_stays_within_wecoms_alphabet_and_length()
    {
        var task = Guid.NewGuid();

        var id = CardTaskId.Format(task, long.MaxValue);

        Assert.Matches("^[0-9A-Za-z_@-]{1,128}$", id);
        Assert.True(CardTaskId.TryParse(id, out var parsedTask, out var outbox));
        Assert.Equal((task, long.MaxValue), (parsedTask, outbox));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("t0123")]
    [InlineData("x0123456789abcdef0123456789abcdef_1")]
    [InlineData("t0123456789abcdef0123456789abcdeg_1")]
    [InlineData("t0123456789abcdef0123456789abcdef_-1")]
    [InlineData("t0123456789abcdef0123456789abcdef_")]
    public void Anything_else_is_not_a_task_id(string? value)
    {
        Assert.False(CardTaskId.TryParse(value, out _, out _));
    }
}
