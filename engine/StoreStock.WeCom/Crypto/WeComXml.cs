using System.Xml;
using System.Xml.Linq;

namespace StoreStock.WeCom.Crypto;

/// <summary>
/// Parses the XML WeCom posts. A DOCTYPE is refused outright (no entity expansion, no external resolution), so an
/// XML bomb or an XXE probe fails before anything is read; the size is capped as well.
/// </summary>
public static class WeComXml
{
    public const int MaxCharacters = 64 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = MaxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>The root element, or a <see cref="WeComCryptoException"/> (-40002) when the text is not plain, small XML.</summary>
    public static XElement Parse(string xml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            return XElement.Load(reader);
        }
        catch (XmlException e)
        {
            throw new WeComCryptoException(WeComCryptoError.MalformedXml, $"malformed XML: {e.Message}");
        }
    }

    /// <summary>The text of a child element (CDATA or not), or null when it is absent.</summary>
    public static string? Child(this XElement element, string name) => element.Element(name)?.Value;
}
