using EventPlatform.Core.Common;
using EventPlatform.Core.Notifications.Templates;
using EventPlatform.Core.Ordering.Cancellation;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Payments;
using EventPlatform.TestSupport;
using EventPlatform.TestSupport.Buying;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Tests.Notifications;

/// <summary>An organization words its own emails: refused placeholders change nothing; saved wording reaches buyers, values escaped; reset.</summary>
public sealed class EmailTemplatesTests : IAsyncLifetime
{
    private CoreServices _services = default!;
    private SellableEvent _sale = default!;
    private Guid _managerId;
    private Guid _analystId;

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("email-templates");
        var manager = await _services.Db.AddUserAsync("manager@wording.test");
        var analyst = await _services.Db.AddUserAsync("analyst@wording.test");
        _managerId = manager.Id;
        _analystId = analyst.Id;
        var organization = await _services.Db.AddOrganizationAsync("wording-hall", (manager.Id, OrgRole.Manager), (analyst.Id, OrgRole.Analyst));
        _sale = await _services.Db.AddSellableEventAsync(organization.Id, "wording-night", [20], new SeedTicketType("Seat", 2500, [0]));
        await using var db = await _services.Db.CreateAsync();
        await db.Organizations.Where(o => o.Id == organization.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.BrandColour, "#0F766E"));
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private EmailTemplates Templates => _services.Get<EmailTemplates>();

    [Fact]
    public async Task AnUnknownPlaceholder_IsRefusedWithItsField_AndNothingIsSaved()
    {
        _services.Caller.UserId = _managerId;

        var result = await Templates.SaveAsync(_sale.OrganizationId, EmailTemplateKind.OrderConfirmation,
            new EmailWordingInput("Tickets for {evnt_title}", "Hello {Attendee_name}", "Fine {order_url}"));

        Assert.False(result.Succeeded);
        Assert.Contains("{evnt_title}", result.ErrorFor("Subject"), StringComparison.Ordinal);
        Assert.Contains("{Attendee_name}", result.ErrorFor("Heading"), StringComparison.Ordinal);
        Assert.Null(result.ErrorFor("Body"));
        // A cancellation's placeholders are not the confirmation's.
        var refund = await Templates.SaveAsync(_sale.OrganizationId, EmailTemplateKind.OrderConfirmation,
            new EmailWordingInput("S", "H", "You get {refund_amount} back"));
        Assert.Contains("{refund_amount}", refund.ErrorFor("Body"), StringComparison.Ordinal);
        var empty = await Templates.SaveAsync(_sale.OrganizationId, EmailTemplateKind.OrderConfirmation, new EmailWordingInput(" ", "H", "B"));
        Assert.NotNull(empty.ErrorFor("Subject"));
        await using var db = await _services.Db.CreateAsync();
        Assert.Equal(0, await db.EmailTemplates.CountAsync());
        Assert.True((await Templates.ListAsync(_sale.OrganizationId))[EmailTemplateKind.OrderConfirmation].IsDefault);
    }

    [Fact]
    public async Task SavedWording_ReachesTheBuyer_InTheOrganizationsBranding_WithValuesEscaped_AndTheTicketsStillAttached()
    {
        _services.Caller.UserId = _managerId;
        var saved = await Templates.SaveAsync(_sale.OrganizationId, EmailTemplateKind.OrderConfirmation, new EmailWordingInput(
            "See you at {event_title}, {attendee_name}!",
            "Welcome, {attendee_name}",
            "Dear {attendee_name}, **doors open** at {session_start} at {venue}.\n\n[Your order]({order_url}) · [Evil]({attendee_name})"));
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message)));

        _services.Caller.UserId = null;
        var view = await Purchase.BuyAsync(_services.Provider, _sale.EventId, new Dictionary<Guid, int> { [_sale.TypeIds["Seat"]] = 2 },
            CheckoutBuyer.Default with { Name = "<b>Bob</b> javascript:alert(1)", Email = "bob@example.test" });

        await using var db = await _services.Db.CreateAsync();
        var queued = await db.OutboxEmails.SingleAsync(e => e.Kind == "order.confirmation");
        var message = (await _services.Get<OrderConfirmation>().RenderAsync(db, queued, _services.Clock.GetUtcNow(), default))!;
        Assert.Equal("See you at Sale wording-night, <b>Bob</b> javascript:alert(1)!", message.Subject);
        Assert.Contains("Dear &lt;b&gt;Bob&lt;/b&gt; javascript:alert(1), <strong>doors open</strong> at Mon 1 Mar 2027, 19:00 (Europe/Berlin)",
            message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Bob</b>", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"href=\"https://tickets.test/order/{view.Order.AccessKey}\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("background:#0F766E", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("wording-hall", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Dear <b>Bob</b> javascript:alert(1), **doors open**", message.TextBody, StringComparison.Ordinal);
        // Whatever the wording, the QR codes and the calendar file come along.
        Assert.Equal(2, message.Attachments.Count(a => a.ContentType == "image/png" && a.ContentId != null));
        Assert.Single(message.Attachments, a => a.ContentType == "text/calendar");
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "email_template.saved"));
    }

    [Fact]
    public async Task TheCancellationWording_TellsTheRefund_AndResetBringsBackTheDefault()
    {
        _services.Caller.UserId = _managerId;
        Assert.True((await Templates.SaveAsync(_sale.OrganizationId, EmailTemplateKind.Cancellation, new EmailWordingInput(
            "Sorry to see you go ({order_number})", "Cancelled", "{tickets_cancelled} cancelled: {refund_amount} back. {reason}."))).Succeeded);
        _services.Caller.UserId = null;
        var view = await Purchase.BuyAsync(_services.Provider, _sale.EventId, new Dictionary<Guid, int> { [_sale.TypeIds["Seat"]] = 2 });
        var cancelled = await _services.Get<CancelTickets>().ByBuyerAsync(view.Order.AccessKey, [view.Tickets[0].Id]);
        Assert.True(cancelled.Succeeded, string.Join("; ", cancelled.Errors.Select(e => e.Message)));

        await using (var db = await _services.Db.CreateAsync())
        {
            var email = await db.OutboxEmails.SingleAsync(e => e.Kind == "order.cancelled");
            Assert.Equal($"Sorry to see you go ({view.Order.Number})", email.Subject);
            // The ticket's price and its share of the fee the buyer paid.
            Assert.Contains($"1 ticket cancelled: {cancelled.Value!.Refund.Format()} back. Cancelled by the buyer.", email.TextBody,
                StringComparison.Ordinal);
        }

        _services.Caller.UserId = _managerId;
        var reset = await Templates.ResetAsync(_sale.OrganizationId, EmailTemplateKind.Cancellation);
        Assert.True(reset.IsDefault);
        Assert.Equal(EmailTemplateDefaults.For(EmailTemplateKind.Cancellation), (await Templates.ListAsync(_sale.OrganizationId))[
            EmailTemplateKind.Cancellation]);
        await using var after = await _services.Db.CreateAsync();
        Assert.Equal(1, await after.AuditEntries.CountAsync(a => a.Action == "email_template.reset"));
    }

    [Fact]
    public async Task AnAnalyst_CannotChangeOrPreviewTemplates()
    {
        _services.Caller.UserId = _analystId;
        var input = new EmailWordingInput("S", "H", "B");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Templates.SaveAsync(_sale.OrganizationId, EmailTemplateKind.Cancellation, input));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Templates.ResetAsync(_sale.OrganizationId, EmailTemplateKind.Cancellation));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Templates.PreviewAsync(_sale.OrganizationId, EmailTemplateKind.Cancellation, input));
    }

    [Fact]
    public async Task ThePreview_FillsTheSamples_InTheOrganizationsColour()
    {
        _services.Caller.UserId = _managerId;
        var wording = EmailTemplateDefaults.For(EmailTemplateKind.OrderConfirmation);

        var preview = await Templates.PreviewAsync(_sale.OrganizationId, EmailTemplateKind.OrderConfirmation,
            new EmailWordingInput(wording.Subject, wording.Heading, wording.Body));

        Assert.True(preview.Succeeded);
        Assert.Equal("Your tickets for Jazz on the River (EP-7K3F9Q2M)", preview.Value!.Subject);
        Assert.Contains("You&#39;re going to Jazz on the River", preview.Value.Html, StringComparison.Ordinal);
        Assert.Contains("EP-7K3F9Q2M", preview.Value.Html, StringComparison.Ordinal);
        Assert.Contains("#0F766E", preview.Value.Html, StringComparison.Ordinal);
        // Every placeholder was filled: no brace is left in the email's body.
        Assert.DoesNotContain("{", preview.Value.Html.Split("<body")[1], StringComparison.Ordinal);
    }
}
