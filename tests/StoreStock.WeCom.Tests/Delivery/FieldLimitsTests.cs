using System.Text;
using StoreStock.WeCom.Delivery;

namespace StoreStock.WeCom.Tests.Delivery;

public sealed class FieldLimitsTests
{
    [Theory]
    [InlineData("报损审批", 26, "报损审批")]
    [InlineData("一二三四五六", 5, "一二三四…")]
    [InlineData("ab🥤🥤🥤", 4, "ab🥤…")]
    [InlineData("🥤🥤🥤", 2, "🥤…")]
    public void Card_fields_are_cut_by_characters_and_never_inside_a_surrogate_pair(string value, int max, string expected)
    {
        Assert.Equal(expected, FieldLimits.Chars(value, max));
    }

    [Fact]
    public void Text_is_cut_by_utf8_bytes_on_a_character_boundary()
    {
        var value = string.Concat(Enumerable.Repeat("库🥤", 300));
        for (var max = 2040; max <= 2048; max++)
        {
            var cut = FieldLimits.Bytes(value, max);
            var bytes = new UTF8Encoding(false, throwOnInvalidBytes: true).GetByteCount(cut);
            Assert.InRange(bytes, max - 6, max);
            Assert.EndsWith("…", cut, StringComparison.Ordinal);
        }

        Assert.Equal("short", FieldLimits.Bytes("short", 2048));
    }
}
