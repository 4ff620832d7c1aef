namespace EventPlatform.Core.Notifications;

/// <summary>The account emails: confirm address, magic sign-in link, password reset.</summary>
public static class AccountEmails
{
    public const string ConfirmEmailKind = "account.confirm_email";
    public const string MagicLinkKind = "account.magic_link";
    public const string ResetPasswordKind = "account.reset_password";

    public static EmailMessage ConfirmEmail(string brandName, string to, string confirmUrl) =>
        new BrandedEmail(
            brandName,
            "Confirm your email address",
            [$"Welcome to {brandName}! Please confirm that {to} is your email address to finish creating your account."],
            "Confirm my email",
            confirmUrl,
            "If you did not create an account, you can ignore this email.")
        .ToMessage(to, $"Confirm your email for {brandName}", ConfirmEmailKind);

    public static EmailMessage MagicLink(string brandName, string to, string signInUrl, TimeSpan validFor) =>
        new BrandedEmail(
            brandName,
            "Your sign-in link",
            [$"Use the button below to sign in to {brandName}. The link works once and expires in {Describe(validFor)}."],
            "Sign in",
            signInUrl,
            "If you did not ask to sign in, you can ignore this email; nobody can sign in without the link.")
        .ToMessage(to, $"Sign in to {brandName}", MagicLinkKind);

    public static EmailMessage ResetPassword(string brandName, string to, string resetUrl) =>
        new BrandedEmail(
            brandName,
            "Reset your password",
            ["Someone (hopefully you) asked to reset the password of your account. Choose a new password with the button below."],
            "Choose a new password",
            resetUrl,
            "If you did not ask for this, ignore this email: your password stays as it is.")
        .ToMessage(to, $"Reset your {brandName} password", ResetPasswordKind);

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 && span.TotalMinutes % 60 == 0
            ? span.TotalHours == 1 ? "1 hour" : $"{span.TotalHours:0} hours"
            : span.TotalMinutes == 1 ? "1 minute" : $"{span.TotalMinutes:0} minutes";
}
