using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Accounts;

/// <summary>The signed-in person's own profile.</summary>
public sealed record ProfileView(string Email, string? DisplayName, bool EmailConfirmed);

/// <summary>Reads the caller's profile.</summary>
public sealed class GetProfile(IAppDbContextFactory dbFactory, ICurrentUser currentUser)
{
    public async Task<ProfileView> ExecuteAsync(CancellationToken ct = default)
    {
        var userId = await currentUser.GetUserIdAsync(ct) ?? throw new AccessDeniedException(UserMessages.SignInRequired);
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new ProfileView(u.Email!, u.DisplayName, u.EmailConfirmed))
            .SingleOrDefaultAsync(ct) ?? throw new AccessDeniedException(UserMessages.SignInRequired);
    }
}
