using System.Security.Cryptography;
using System.Text;
using static StoreStock.WeCom.Tests.Crypto.PublishedVectors;

namespace StoreStock.WeCom.Tests.Crypto;

/// <summary>Random messages survive encrypt → decrypt, for every pad length 1–32 and for multi-byte text.</summary>
public sealed class RoundTripTests
{
    // 16 prefix + 4 length + 18 corp id = 38 bytes around the message; a message of n ASCII bytes pads to 32 - (38 + n) % 32.
    public static TheoryData<int> PadLengths() => [.. Enumerable.Range(1, 32)];

    [Theory]
    [MemberData(nameof(PadLengths))]
    public void Every_pad_length_from_1_to_32_round_trips(int pad)
    {
        var length = ((32 - pad - 38) % 32 + 32) % 32 + 32;
        var message = RandomAscii(length);
        var cipher = Convert.FromBase64String(Crypt().Encrypt(message));

        Assert.Equal(0, cipher.Length % 32);
        Assert.Equal(38 + length + pad, cipher.Length);
        Assert.Equal(message, Crypt().Decrypt(Convert.ToBase64String(cipher)));
    }

    [Fact]
    public void Random_multi_byte_messages_round_trip_through_the_signed_envelope()
    {
        var crypt = Crypt();
        for (var i = 0; i < 200; i++)
        {
            var message = RandomText(RandomNumberGenerator.GetInt32(0, 600));
            var timestamp = RandomNumberGenerator.GetInt32(1_400_000_000, 1_900_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var nonce = RandomNumberGenerator.GetInt32(int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);

            var sealedMessage = crypt.Seal(message, timestamp, nonce, "1000002");

            Assert.Equal(message, crypt.DecryptMessage(sealedMessage.Signature, timestamp, nonce, sealedMessage.Envelope));
        }
    }

    [Fact]
    public void Two_encryptions_of_one_message_differ_by_their_random_prefix()
    {
        Assert.NotEqual(Crypt().Encrypt("同意"), Crypt().Encrypt("同意"));
    }

    [Fact]
    public void A_cipher_text_that_is_not_whole_blocks_is_refused()
    {
        var cipher = Convert.FromBase64String(Crypt().Encrypt("报损"));

        var refused = Assert.Throws<WeComCryptoException>(() => Crypt().Decrypt(Convert.ToBase64String(cipher.AsSpan(0, cipher.Length - 16))));
        Assert.Equal(WeComCryptoError.DecryptFailed, refused.Error);
    }

    private static string RandomAscii(int length) =>
        string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)RandomNumberGenerator.GetInt32(0x20, 0x7f);
            }
        });

    /// <summary>ASCII, Chinese (3 bytes), accented Latin (2 bytes) and emoji (4 bytes, a surrogate pair) mixed.</summary>
    private static string RandomText(int characters)
    {
        string[] pieces = ["a", "Z", "7", "<", "&", "库", "存", "报", "损", "é", "ß", "😀", "\n", "]]>"];
        var text = new StringBuilder();
        for (var i = 0; i < characters; i++)
        {
            text.Append(pieces[RandomNumberGenerator.GetInt32(pieces.Length)]);
        }

        return text.ToString();
    }
}
