global using StoreStock.WeCom.Crypto;
