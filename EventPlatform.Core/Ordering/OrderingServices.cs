using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Core.Ordering;

/// <summary>Registers ordering: holds, checkout, coupons, cancellation, tickets and the organizer's order management.</summary>
public static class OrderingServices
{
    public static IServiceCollection AddOrdering(this IServiceCollection services)
    {
        services.AddSingleton<Holds.HoldAttemptRate>();
        services.AddSingleton<Holds.HoldAdmission>();
        services.AddScoped<Holds.PlaceHold>();
        services.AddScoped<Holds.ReleaseExpiredHolds>();
        services.AddScoped<Coupons.CodeGuessLimit>();
        services.AddScoped<Checkout.GetOrder>();
        services.AddScoped<Checkout.SaveCheckoutDetails>();
        services.AddScoped<Checkout.ChangeOrderCoupon>();
        services.AddScoped<Cancellation.CancelTickets>();
        services.AddScoped<Cancellation.RefundCancelledEvent>();
        services.AddScoped<Tickets.MyTickets>();
        services.AddScoped<Tickets.ChangeAttendee>();
        services.AddScoped<Tickets.ResendTickets>();
        services.AddScoped<Management.EventOrders>();
        services.AddScoped<Management.PaymentAttention>();
        services.AddScoped<Management.OrderEmailDelivery>();
        services.AddScoped<Management.ListCoupons>();
        services.AddScoped<Management.SaveCoupon>();
        services.AddScoped<Management.DeleteCoupon>();
        services.AddScoped<Management.ListQuestions>();
        services.AddScoped<Management.SaveQuestion>();
        services.AddScoped<Management.DeleteQuestion>();
        services.AddScoped<Exports.EventExports>();
        services.AddScoped<Exports.CheckInList>();
        return services;
    }
}
