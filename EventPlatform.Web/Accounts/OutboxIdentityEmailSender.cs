using EventPlatform.Core.Accounts;
using EventPlatform.Core.Common;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Settings;
using Microsoft.AspNetCore.Identity;

namespace EventPlatform.Web.Accounts;

/// <summary>
/// Identity's emails (confirmation, password reset) go through the outbox like every other email.
/// Identity derives its tokens instead of storing them, so there is no other row to commit with:
/// the outbox row is the change.
/// </summary>
internal sealed class OutboxIdentityEmailSender(IAppDbContextFactory dbFactory, ISettingsService settings,
    TimeProvider clock) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        EnqueueAsync(brand => AccountEmails.ConfirmEmail(brand, email, confirmationLink));

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        EnqueueAsync(brand => AccountEmails.ResetPassword(brand, email, resetLink));

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        throw new NotSupportedException("Password resets use links, not codes.");

    private async Task EnqueueAsync(Func<string, EmailMessage> compose)
    {
        var brand = (await settings.GetAsync()).BrandName;
        await using var db = await dbFactory.CreateAsync();
        EmailOutbox.Enqueue(db, compose(brand), clock.GetUtcNow());
        await db.SaveChangesAsync();
    }
}
