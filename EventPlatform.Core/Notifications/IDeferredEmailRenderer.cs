using EventPlatform.Core.Common;

namespace EventPlatform.Core.Notifications;

/// <summary>
/// Builds, when it is sent, an email that was queued without its body (<see cref="OutboxEmail.RenderAtSend"/>):
/// the order confirmation, whose QR codes and calendar file would otherwise be made inside the
/// transaction that confirms the payment. One per kind.
/// </summary>
public interface IDeferredEmailRenderer
{
    string Kind { get; }

    /// <returns>The email as it is to be sent now; null when there is nothing to send any more (its order is gone).</returns>
    Task<EmailMessage?> RenderAsync(IAppDbContext db, OutboxEmail email, DateTimeOffset now, CancellationToken ct);
}
