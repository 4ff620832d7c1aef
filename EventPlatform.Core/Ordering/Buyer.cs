using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Ordering;

/// <summary>Who is buying: a signed-in user (with their confirmed email) or a guest.</summary>
public sealed record Buyer(Guid? UserId, string? Email, string? DisplayName, bool EmailConfirmed, bool IsCustomerMember)
{
    public static Buyer Guest { get; } = new(null, null, null, false, false);

    public static async Task<Buyer> FindAsync(IAppDbContext db, ICurrentUser currentUser, Guid organizationId, CancellationToken ct)
    {
        if (await currentUser.GetUserIdAsync(ct) is not { } userId)
        {
            return Guest;
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.NormalizedEmail, u.DisplayName, u.EmailConfirmed }).SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return Guest;
        }

        // Only a confirmed address proves the person is the member the organization listed.
        var member = user.EmailConfirmed
            && await db.CustomerMembers.AnyAsync(m => m.OrganizationId == organizationId && m.NormalizedEmail == user.NormalizedEmail, ct);
        return new Buyer(userId, user.Email, user.DisplayName, user.EmailConfirmed, member);
    }
}
