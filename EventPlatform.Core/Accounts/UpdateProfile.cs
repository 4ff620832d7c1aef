using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Accounts;

/// <summary>The signed-in person changes their display name.</summary>
public sealed class UpdateProfile(IAppDbContextFactory dbFactory, ICurrentUser currentUser)
{
    public sealed record Request(string? DisplayName);

    public async Task<CommandResult<string>> ExecuteAsync(Request request, CancellationToken ct = default)
    {
        var userId = await currentUser.GetUserIdAsync(ct) ?? throw new AccessDeniedException(UserMessages.SignInRequired);
        var name = request.DisplayName?.Trim() ?? "";
        if (name.Length is 0 or > ApplicationUser.DisplayNameMaxLength)
        {
            return CommandResult<string>.Failure(new ValidationFailure(nameof(Request.DisplayName), UserMessages.DisplayNameLength));
        }

        await using var db = await dbFactory.CreateAsync(ct);
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, name), ct);
        return CommandResult<string>.Success(name);
    }
}
