using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Database;
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
public sealed class RedeemMagicLink(IAppDbContextFactory dbFactory, TimeProvider clock, IDatabaseErrors databaseErrors)
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
        var userId = link.UserId ?? await AccountForGuestAsync(link.Email!, now, ct);
        // One link in use at a time: redeeming this one retires every older unused link of the user
        // (and those sent to the guest's address before it had an account).
        await db.MagicLinkTokens.Where(t => (t.UserId == userId || (link.Email != null && t.Email == link.Email)) && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);

        // Opening the link proves the person owns the address. If the address was not confirmed
        // yet, whoever registered it may not be its owner: their password goes, and the new
        // security stamp ends every session signed in with it.
        await db.Users.Where(u => u.Id == userId && !u.EmailConfirmed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.EmailConfirmed, true)
                .SetProperty(u => u.PasswordHash, (string?)null)
                .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N").ToUpperInvariant())
                .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString()), ct);
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(ct);
        return new MagicLinkOutcome(MagicLinkStatus.Valid, userId, email, link.ReturnUrl);
    }

    /// <summary>
    /// The account a guest's link signs in to, created at its first use: confirmed (the link proved
    /// the mailbox), with no password, so it works with email links until the person sets one. If
    /// someone registered the address meanwhile, that account is used, and loses its unconfirmed
    /// password like any other (see <see cref="ExecuteAsync"/>).
    /// </summary>
    private async Task<Guid> AccountForGuestAsync(string email, DateTimeOffset now, CancellationToken ct)
    {
        var normalized = email.ToUpperInvariant();
        await using var db = await dbFactory.CreateAsync(ct);
        if (await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct) is { } existing)
        {
            return existing;
        }

        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            NormalizedUserName = normalized,
            Email = email,
            NormalizedEmail = normalized,
            EmailConfirmed = true,
            LockoutEnabled = true,
            SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            CreatedAt = now,
        };
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(ct);
            return user.Id;
        }
        catch (Exception ex) when (databaseErrors.IsUniqueViolation(ex))
        {
            // Another of the address's links was redeemed at the same moment and created it.
            await using var again = await dbFactory.CreateAsync(ct);
            return await again.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleAsync(ct);
        }
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

        var email = link.UserId is null
            ? link.Email
            : await db.Users.Where(u => u.Id == link.UserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        return new MagicLinkOutcome(MagicLinkStatus.Valid, link.UserId, email, link.ReturnUrl);
    }
}
