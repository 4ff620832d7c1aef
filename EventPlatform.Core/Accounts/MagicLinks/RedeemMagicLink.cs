using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Accounts.MagicLinks;

/// <summary>What a magic link is worth right now.</summary>
public enum MagicLinkStatus
{
    Valid,
    Expired,
    AlreadyUsed,
    Invalid,
}

/// <summary>The result of looking at or redeeming a magic link.</summary>
public sealed record MagicLinkOutcome(MagicLinkStatus Status, Guid? UserId = null, string? Email = null, string? ReturnUrl = null)
{
    public string? FailureMessage => Status switch
    {
        MagicLinkStatus.Valid => null,
        MagicLinkStatus.Expired => UserMessages.MagicLinkExpired,
        MagicLinkStatus.AlreadyUsed => UserMessages.MagicLinkUsed,
        MagicLinkStatus.Invalid => UserMessages.MagicLinkInvalid,
    };
}

/// <summary>
/// Checks and consumes magic links. Consumption is one conditional UPDATE, so two clicks racing
/// each other sign in at most once.
/// </summary>
public sealed class RedeemMagicLink(IAppDbContextFactory dbFactory, TimeProvider clock)
{
    /// <summary>Looks at a link without using it (the page shows "continue" or the reason it cannot).</summary>
    public async Task<MagicLinkOutcome> InspectAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
        {
            return new MagicLinkOutcome(MagicLinkStatus.Invalid);
        }

        await using var db = await dbFactory.CreateAsync(ct);
        return await ClassifyAsync(db, SecureToken.Hash(token), ct);
    }

    /// <summary>Uses the link once. On success the caller signs the returned user in.</summary>
    public async Task<MagicLinkOutcome> ExecuteAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
        {
            return new MagicLinkOutcome(MagicLinkStatus.Invalid);
        }

        var hash = SecureToken.Hash(token);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(ct);
        var consumed = await db.MagicLinkTokens
            .Where(t => t.TokenHash == hash && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        if (consumed == 0)
        {
            return await ClassifyAsync(db, hash, ct);
        }

        var link = await db.MagicLinkTokens.AsNoTracking().SingleAsync(t => t.TokenHash == hash, ct);
        // One link in use at a time: redeeming this one retires every older unused link of the user.
        await db.MagicLinkTokens.Where(t => t.UserId == link.UserId && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);

        // Opening the link proves the person owns the address. If the address was not confirmed
        // yet, whoever registered it may not be its owner: their password goes, and the new
        // security stamp ends every session signed in with it.
        await db.Users.Where(u => u.Id == link.UserId && !u.EmailConfirmed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.EmailConfirmed, true)
                .SetProperty(u => u.PasswordHash, (string?)null)
                .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N").ToUpperInvariant())
                .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString()), ct);
        var email = await db.Users.Where(u => u.Id == link.UserId).Select(u => u.Email).SingleAsync(ct);
        return new MagicLinkOutcome(MagicLinkStatus.Valid, link.UserId, email, link.ReturnUrl);
    }

    private async Task<MagicLinkOutcome> ClassifyAsync(IAppDbContext db, string hash, CancellationToken ct)
    {
        var link = await db.MagicLinkTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (link is null)
        {
            return new MagicLinkOutcome(MagicLinkStatus.Invalid);
        }

        if (link.UsedAt is not null)
        {
            return new MagicLinkOutcome(MagicLinkStatus.AlreadyUsed, link.UserId);
        }

        if (link.ExpiresAt <= clock.GetUtcNow())
        {
            return new MagicLinkOutcome(MagicLinkStatus.Expired, link.UserId);
        }

        var email = await db.Users.Where(u => u.Id == link.UserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        return new MagicLinkOutcome(MagicLinkStatus.Valid, link.UserId, email, link.ReturnUrl);
    }
}
