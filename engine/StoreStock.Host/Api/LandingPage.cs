namespace StoreStock.Host.Api;

public static class LandingPage
{
    public const string Html = """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>StoreStock 门店库存</title></head>
        <body style="font-family:sans-serif;max-width:40rem;margin:3rem auto">
        <h1>StoreStock 门店库存</h1>
        <p>连锁门店多渠道库存：台账、单据、渠道扣减。 / Chain-store stock across channels.</p>
        <ul>
          <li><a href="/health">/health</a> — 数据库状态 / database status</li>
          <li><a href="/openapi/v1.json">/openapi/v1.json</a> — API 说明 / API description</li>
        </ul>
        </body></html>
        """;
}
