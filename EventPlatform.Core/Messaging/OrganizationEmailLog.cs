using EventPlatform.Core.Common;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Messaging;

/// <summary>One email the organization sent to a buyer or attendee, as its email log shows it (never the body).</summary>
public sealed record OrganizationEmailRow(
    Guid Id,
    string To,
    string Subject,
    string Kind,
    OutboxEmailStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    string? LastError);

/// <summary>A page of the log and how many emails match in all.</summary>
public sealed record OrganizationEmailPage(IReadOnlyList<OrganizationEmailRow> Rows, int Total, int Page, int PageSize);

/// <summary>
/// The organization's email log (Analyst and up): every email it sent to people, order emails
/// (found through their order), messages, reminders and tests, newest first, filterable by
/// status and recipient.
/// </summary>
public sealed class OrganizationEmailLog(IAppDbContextFactory dbFactory, OrganizationAccess access)
{
    public const int PageSize = 50;
    private const int ErrorShownLength = 300;

    public async Task<OrganizationEmailPage> ListAsync(Guid organizationId, OutboxEmailStatus? status = null, string? recipient = null,
        int page = 0, CancellationToken ct = default)
    {
        await access.RequireAsync(organizationId, OrgRole.Analyst, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var emails = db.OutboxEmails.AsNoTracking().Where(e => e.OrganizationId == organizationId
            || (e.OrderId != null && db.Orders.Any(o => o.Id == e.OrderId && o.OrganizationId == organizationId)));
        if (status is { } wanted)
        {
            emails = emails.Where(e => e.Status == wanted);
        }

        if (!string.IsNullOrWhiteSpace(recipient))
        {
            var pattern = LikePattern.Containing(recipient);
            emails = emails.Where(e => EF.Functions.Like(e.To.ToLower(), pattern, "\\"));
        }

        page = Math.Max(0, page);
        var total = await emails.CountAsync(ct);
        var rows = await emails.OrderByDescending(e => e.CreatedAt).Skip(page * PageSize).Take(PageSize)
            .Select(e => new OrganizationEmailRow(e.Id, e.To, e.Subject, e.Kind, e.Status, e.Attempts, e.CreatedAt, e.SentAt, e.LastError))
            .ToListAsync(ct);
        return new OrganizationEmailPage(rows.Select(r => r with { LastError = Shorten(r.LastError) }).ToList(), total, page, PageSize);
    }

    /// <summary>What an email's kind means, for the log's readers.</summary>
    public static string Describe(string kind) => kind switch
    {
        "order.confirmation" => "Order confirmation",
        "order.cancelled" => "Cancellation",
        "order.late_payment_refunded" => "Late payment refunded",
        SendDueMessages.Kind => "Message",
        AttendeeMessages.TestKind => "Test message",
        "event.reminder" => "Reminder",
        _ => kind,
    };

    private static string? Shorten(string? error) => error is { Length: > ErrorShownLength } ? error[..ErrorShownLength] + "…" : error;
}
