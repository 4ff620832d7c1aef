using EventPlatform.Core.Notifications;

namespace EventPlatform.Core.Tests.Notifications;

public class AccountEmailsTests
{
    [Fact]
    public void MagicLink_HasBrandedHtmlAndATextAlternative_WithTheLinkInBoth()
    {
        var link = "https://tickets.example/Account/MagicLink/Redeem?token=abc_DEF-123";
        var email = AccountEmails.MagicLink("Riverside Tickets", "ann@example.com", link, TimeSpan.FromMinutes(10));

        Assert.Equal("ann@example.com", email.To);
        Assert.Equal("Sign in to Riverside Tickets", email.Subject);
        Assert.Equal(AccountEmails.MagicLinkKind, email.Kind);
        Assert.Contains($"href=\"{link}\"", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Riverside Tickets", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("expires in 10 minutes", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(link, email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void BrandedEmail_EncodesEverythingItIsGiven()
    {
        var html = new BrandedEmail("<Brand>", "Hi <script>alert(1)</script>", ["a & b"], "Go", "https://x.example/?a=1&b=\"2\"").ToHtml();
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;Brand&gt;", html, StringComparison.Ordinal);
        Assert.Contains("a &amp; b", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "1 minute")]
    [InlineData(10, "10 minutes")]
    [InlineData(60, "1 hour")]
    [InlineData(120, "2 hours")]
    public void MagicLink_SaysHowLongItIsValidInPlainWords(int minutes, string words) =>
        Assert.Contains(words, AccountEmails.MagicLink("B", "a@b.c", "https://l", TimeSpan.FromMinutes(minutes)).TextBody, StringComparison.Ordinal);

    [Fact]
    public void ConfirmAndReset_CarryTheirLinks()
    {
        var confirm = AccountEmails.ConfirmEmail("EventPlatform", "a@b.c", "https://e/confirm?x=1");
        var reset = AccountEmails.ResetPassword("EventPlatform", "a@b.c", "https://e/reset?x=2");
        Assert.Contains("https://e/confirm?x=1", confirm.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://e/reset?x=2", reset.TextBody, StringComparison.Ordinal);
        Assert.Equal(AccountEmails.ConfirmEmailKind, confirm.Kind);
        Assert.Equal(AccountEmails.ResetPasswordKind, reset.Kind);
    }
}
