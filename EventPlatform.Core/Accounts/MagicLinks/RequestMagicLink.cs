using EventPlatform.Core.Common;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Core.Accounts.MagicLinks;

/// <summary>
/// Emails a single-use sign-in link: to an account, or to a guest who bought tickets with that
/// email and has no account (the first redemption creates one). Answers the same way whatever the
/// email, so the form cannot be used to discover who has an account or has bought.
/// </summary>
public sealed class RequestMagicLink(
    IAppDbContextFactory dbFactory,
    ISettingsService settings,
    TimeProvider clock,
    ILogger<RequestMagicLink> logger)
{
    /// <param name="email">What the person typed.</param>
    /// <param name="redeemUrlBase">Absolute URL of the redemption page; the token is appended as <c>?token=</c>.</param>
    /// <param name="returnUrl">Local path to land on after sign-in, or null.</param>
    /// <param name="ct">Cancels the request.</param>
    public async Task ExecuteAsync(string email, string redeemUrlBase, string? returnUrl, CancellationToken ct = default)
    {
        var normalized = email.Trim().ToUpperInvariant();
        await using var db = await dbFactory.CreateAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized)
            .Select(u => new { u.Id, u.Email }).SingleOrDefaultAsync(ct);
        // A guest's purchase (a paid order, or one paid and later cancelled) makes the email worth a
        // link: the link itself proves the mailbox, which the purchase never did.
        var guestEmail = user is not null || normalized.Length > MagicLinkToken.EmailMaxLength
            ? null
            : await db.Orders.AsNoTracking()
                .Where(o => o.NormalizedBuyerEmail == normalized && (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Cancelled))
                .OrderByDescending(o => o.CreatedAt).Select(o => o.BuyerEmail).FirstOrDefaultAsync(ct);
        if (user is null && guestEmail is null)
        {
            logger.LogInformation("Magic link requested for an email with no account and no purchase");
            return;
        }

        var current = await settings.GetAsync(ct);
        var now = clock.GetUtcNow();
        var token = SecureToken.Create();
        db.MagicLinkTokens.Add(new MagicLinkToken
        {
            Id = Guid.CreateVersion7(),
            UserId = user?.Id,
            Email = user is null ? guestEmail!.Trim() : null,
            TokenHash = SecureToken.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + current.MagicLinkExpiry,
            ReturnUrl = LocalUrl.OrNull(returnUrl),
        });

        var link = $"{redeemUrlBase}?token={Uri.EscapeDataString(token)}";
        // The token row and the email are saved in one transaction: no link without its email, no email without its link.
        EmailOutbox.Enqueue(db, AccountEmails.MagicLink(current.BrandName, user?.Email ?? guestEmail!.Trim(), link, current.MagicLinkExpiry), now);
        await db.SaveChangesAsync(ct);
        if (user is null)
        {
            logger.LogInformation("Magic link issued for a guest buyer without an account");
        }
        else
        {
            logger.LogInformation("Magic link issued for user {UserId}", user.Id);
        }
    }
}
