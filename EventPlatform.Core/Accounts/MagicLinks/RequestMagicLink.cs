using EventPlatform.Core.Common;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Core.Accounts.MagicLinks;

/// <summary>
/// Emails a single-use sign-in link to an existing account. Answers the same way whether or not
/// the email belongs to an account, so the form cannot be used to discover who has one.
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
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
        if (user is null)
        {
            logger.LogInformation("Magic link requested for an email with no account");
            return;
        }

        var current = await settings.GetAsync(ct);
        var now = clock.GetUtcNow();
        var token = SecureToken.Create();
        db.MagicLinkTokens.Add(new MagicLinkToken
        {
            Id = Guid.CreateVersion7(),
            UserId = user.Id,
            TokenHash = SecureToken.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + current.MagicLinkExpiry,
            ReturnUrl = LocalUrl.OrNull(returnUrl),
        });

        var link = $"{redeemUrlBase}?token={Uri.EscapeDataString(token)}";
        // The token row and the email are saved in one transaction: no link without its email, no email without its link.
        EmailOutbox.Enqueue(db, AccountEmails.MagicLink(current.BrandName, user.Email!, link, current.MagicLinkExpiry), now);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Magic link issued for user {UserId}", user.Id);
    }
}
