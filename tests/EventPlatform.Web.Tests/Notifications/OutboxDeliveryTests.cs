using EventPlatform.Core.Notifications;
using EventPlatform.TestSupport;
using EventPlatform.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Web.Tests.Notifications;

/// <summary>The outbox use case with the real MailKit sender against a real SMTP server (aiosmtpd).</summary>
public sealed class OutboxDeliveryTests : IAsyncLifetime
{
    private SmtpTestServer _smtp = default!;
    private CoreServices _services = default!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartAsync();
        _services = await CoreServices.CreateAsync("outbox", services =>
        {
            services.Configure<SmtpOptions>(o =>
            {
                o.Host = "127.0.0.1";
                o.Port = _smtp.Port;
                o.Security = "None";
                o.FromAddress = "tickets@eventplatform.test";
                o.TimeoutSeconds = 5;
            });
            services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private async Task<Guid> EnqueueAsync(string to)
    {
        await using var db = await _services.Db.CreateAsync();
        var row = EmailOutbox.Enqueue(db, AccountEmails.MagicLink("EventPlatform", to, "https://e.test/redeem?token=abc", TimeSpan.FromMinutes(10)),
            _services.Clock.GetUtcNow());
        await db.SaveChangesAsync();
        return row.Id;
    }

    private async Task<OutboxEmail> LoadAsync(Guid id)
    {
        await using var db = await _services.Db.CreateAsync();
        return await db.OutboxEmails.Include(e => e.DeliveryAttempts).SingleAsync(e => e.Id == id);
    }

    [Fact]
    public async Task PendingEmail_IsDeliveredOverSmtp_AsHtmlWithATextAlternative()
    {
        var id = await EnqueueAsync("delivered@example.com");

        await _services.Get<DeliverOutboxEmails>().ExecuteAsync();

        var message = await _smtp.WaitForMessageAsync("delivered@example.com");
        Assert.Equal("Sign in to EventPlatform", message.Subject);
        Assert.Contains("https://e.test/redeem?token=abc", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://e.test/redeem?token=abc", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("tickets@eventplatform.test", message.From.Mailboxes.Single().Address);
        var email = await LoadAsync(id);
        Assert.Equal(OutboxEmailStatus.Sent, email.Status);
        Assert.True(Assert.Single(email.DeliveryAttempts).Succeeded);
    }

    [Fact]
    public async Task ASentEmail_KeepsNoSecretAtRest_OnlyWhatTheEmailLogNeeds()
    {
        await using (var db = await _services.Db.CreateAsync())
        {
            var message = AccountEmails.MagicLink("EventPlatform", "secret@example.com", "https://e.test/redeem?token=s3cret-token",
                TimeSpan.FromMinutes(10));
            message = message with { Attachments = [new EmailAttachment("ticket.png", "image/png", [1, 2, 3], "qr-1")] };
            EmailOutbox.Enqueue(db, message, _services.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        await _services.Get<DeliverOutboxEmails>().ExecuteAsync();

        Assert.Contains("s3cret-token", (await _smtp.WaitForMessageAsync("secret@example.com")).TextBody, StringComparison.Ordinal);
        await using var check = await _services.Db.CreateAsync();
        var row = await check.OutboxEmails.SingleAsync(e => e.To == "secret@example.com");
        Assert.Equal(OutboxEmailStatus.Sent, row.Status);
        Assert.Equal("Sign in to EventPlatform", row.Subject);
        Assert.NotNull(row.SentAt);
        Assert.Equal(OutboxEmail.RedactedBody, row.TextBody);
        Assert.Equal(OutboxEmail.RedactedBody, row.HtmlBody);
        Assert.False(await check.OutboxEmailAttachments.AnyAsync(a => a.OutboxEmailId == row.Id));
        // Nowhere else in the row either.
        var stored = await check.Database.SqlQuery<string>($"SELECT row_to_json(o)::text AS \"Value\" FROM outbox_emails o WHERE o.id = {row.Id}")
            .SingleAsync();
        Assert.DoesNotContain("s3cret-token", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SmtpDown_RecordsTheFailure_BacksOff_AndDeliversOnceTheServerIsBack()
    {
        var id = await EnqueueAsync("retry@example.com");
        await _smtp.StopProcessAsync();
        var deliver = _services.Get<DeliverOutboxEmails>();

        await deliver.ExecuteAsync();

        var failed = await LoadAsync(id);
        Assert.Equal(OutboxEmailStatus.Pending, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.NotNull(failed.LastError);
        Assert.Equal(_services.Clock.GetUtcNow() + RetryPolicy.DelayAfter(1), failed.NextAttemptAt);
        var attempt = Assert.Single(failed.DeliveryAttempts);
        Assert.False(attempt.Succeeded);
        Assert.Equal("smtp", attempt.Transport);

        // Not due yet: nothing is tried.
        await _smtp.StartProcessAsync();
        Assert.Equal(0, await deliver.ExecuteAsync());

        _services.Clock.Advance(RetryPolicy.DelayAfter(1));
        Assert.Equal(1, await deliver.ExecuteAsync());

        await _smtp.WaitForMessageAsync("retry@example.com");
        var sent = await LoadAsync(id);
        Assert.Equal(OutboxEmailStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
        Assert.Equal([false, true], sent.DeliveryAttempts.OrderBy(a => a.AttemptedAt).Select(a => a.Succeeded));
        Assert.Single(_smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address == "retry@example.com"));
    }

    [Fact]
    public async Task SmtpDown_OpensTheCircuitAfterThreeFailures_TheOtherEmailsSpendNoAttempt_AndAllGoOutOnceWhenItIsBack()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await EnqueueAsync($"outage{i}@example.com"));
        }

        await _smtp.StopProcessAsync();
        var deliver = _services.Get<DeliverOutboxEmails>();

        // Three failed sends open the circuit; the pass stops there instead of timing out on each email.
        Assert.Equal(3, await deliver.ExecuteAsync());
        var afterOutage = await Task.WhenAll(ids.Select(LoadAsync));
        Assert.Equal(3, afterOutage.Count(e => e.Attempts == 1));
        Assert.Equal(3, afterOutage.Count(e => e.Attempts == 0 && e.DeliveryAttempts.Count == 0));
        Assert.All(afterOutage, e => Assert.Equal(OutboxEmailStatus.Pending, e.Status));

        // Still open (even with the server back and the retries due): nothing is tried, nothing counted.
        await _smtp.StartProcessAsync();
        _services.Clock.Advance(RetryPolicy.DelayAfter(1));
        Assert.Equal(0, await deliver.ExecuteAsync());
        Assert.Equal(3, (await Task.WhenAll(ids.Select(LoadAsync))).Sum(e => e.Attempts));

        // After the break one email tests the server, the circuit closes, and everything goes out once.
        _services.Clock.Advance(TimeSpan.FromSeconds(new SmtpOptions().CircuitBreakSeconds));
        Assert.Equal(6, await deliver.ExecuteAsync());
        var sent = await Task.WhenAll(ids.Select(LoadAsync));
        Assert.All(sent, e => Assert.Equal(OutboxEmailStatus.Sent, e.Status));
        Assert.Equal(9, sent.Sum(e => e.Attempts));
        for (var i = 0; i < 6; i++)
        {
            await _smtp.WaitForMessageAsync($"outage{i}@example.com");
        }

        Assert.Equal(6, _smtp.Messages().Count(m => m.To.Mailboxes.Any(a => a.Address.StartsWith("outage"))));
    }

    [Fact]
    public async Task Email_IsRetriedForTwoDays_ThenMarkedFailed_AndAnAdminCanSendItAgain()
    {
        var id = await EnqueueAsync("never@example.com");
        var queuedAt = _services.Clock.GetUtcNow();
        await _smtp.StopProcessAsync();
        var attempts = 0;
        try
        {
            while ((await LoadAsync(id)).Status == OutboxEmailStatus.Pending)
            {
                attempts += await _services.Get<DeliverOutboxEmails>().ExecuteAsync();
                _services.Clock.Advance(RetryPolicy.DelayAfter(Math.Max(attempts, 1)));
                Assert.True(attempts < 100, "never gives up");
            }
        }
        finally
        {
            await _smtp.StartProcessAsync();
        }

        var email = await LoadAsync(id);
        Assert.Equal(OutboxEmailStatus.Failed, email.Status);
        Assert.InRange(email.Attempts, 50, 60);
        var lastAttempt = email.DeliveryAttempts.Max(a => a.AttemptedAt);
        Assert.InRange(lastAttempt - queuedAt, RetryPolicy.GiveUpAfter - TimeSpan.FromHours(1), RetryPolicy.GiveUpAfter);
        Assert.Equal(0, await _services.Get<DeliverOutboxEmails>().ExecuteAsync());
        // Kept whole so it can be sent again.
        Assert.NotEqual(OutboxEmail.RedactedBody, email.HtmlBody);

        // A platform admin sends it again once the server is back.
        var admin = await _services.Db.AddUserAsync("admin@platform.test");
        await _services.Db.MakePlatformAdminAsync(admin.Id);
        _services.Caller.UserId = admin.Id;
        Assert.True(await _services.Get<RetryFailedEmail>().ExecuteAsync(id));
        Assert.False(await _services.Get<RetryFailedEmail>().ExecuteAsync(id));
        Assert.Equal(1, await _services.Get<DeliverOutboxEmails>().ExecuteAsync());
        await _smtp.WaitForMessageAsync("never@example.com");
        Assert.Equal(OutboxEmailStatus.Sent, (await LoadAsync(id)).Status);
    }
}
