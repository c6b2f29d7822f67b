namespace StoreStock.WeCom.Tests.Crypto;

/// <summary>Vector set A of WeCom's Python callback sample (wecom.md §5.3), quoted exactly.</summary>
internal static class PublishedVectors
{
    public const string Token = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    public const string EncodingAesKey = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
    public const string CorpId = "ww1436e0e65a779aee";

    public const string UrlSignature = "012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb";
    public const string UrlTimestamp = "1476416373";
    public const string UrlNonce = "47744683";
    public const string UrlEcho = "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==";
    public const string UrlPlaintext = "1288432023552776189";

    public const string MessageSignature = "0c3914025cb4b4d68103f6bfc8db550f79dcf48e";
    public const string MessageTimestamp = "1476422779";
    public const string MessageNonce = "1597212914";
    public const string MessagePrefix = "694ce5a83ae07fe3";

    public const string MessageEncrypted =
        "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+";

    public const string MessagePlaintext =
        "<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content><MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>";

    public const string JsonSignature = "e3647471e395139e2308c1fa963f2d648a00b90e";
    public const string JsonTimestamp = "1409659813";
    public const string JsonNonce = "1372623149";

    public const string JsonEncrypted =
        "cjhLUX7UU4yCSelv1vz7T0zT8huF51bAMVWriNvO1FMegHrQZNrtvRxbwf0fUPsFvwqR0U0fgiJNEA5Y30F2MoI2S7vv3EjVQ68C0cjw9frBoUE2Hj0BvFp9h3u6Vbsg4lc1C8AtHdaN8orKuNKkLRLuYEL52R1J3v8olJGZRLnRdVKIivixmX/eQpzgeExtp20jI1HxRP1AAZ6xZoILdqDPO549LO4WeG+685JRUTdiwcY5fjZlqeMxuT4PpMn1X9OWsS7NRj06Wa5E3Tvg4twjWp39KPfOdRte6P1T4JU=";

    public static WeComMessageCrypt Crypt() => new(Token, EncodingAesKey, CorpId);
}
