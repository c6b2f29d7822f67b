using Microsoft.Extensions.DependencyInjection;

namespace StoreStock.Inventory.Transfers;

public static class TransferServices
{
    public static IServiceCollection AddTransfers(this IServiceCollection services) => services
        .AddSingleton<TransferPreparation>()
        .AddSingleton<TransferReservation>()
        .AddSingleton<TransferShipping>()
        .AddSingleton<TransferReceiving>()
        .AddSingleton<TransferQueries>();
}
