using System.Text.Json;
using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.CheckIn;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Payments;

namespace EventPlatform.Core.Tests.Auditing;

/// <summary>
/// The details records replaced anonymous objects: the JSON they store (and webhooks will send) must be what
/// those objects gave, member for member.
/// </summary>
public sealed class AuditDetailsTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void OrderPaid_IsStoredAsCamelCaseJson()
    {
        var json = AuditTrail.SerializeDetails(new OrderPaidDetails("R-1001", 5200, 5200, "EUR", 2, LatePayment: false, PaidOffline: true));

        Assert.Equal(
            """{"number":"R-1001","totalMinor":5200,"paidMinor":5200,"currency":"EUR","tickets":2,"latePayment":false,"paidOffline":true}""",
            json);
    }

    [Fact]
    public void TicketTypeSaved_KeepsTheSessionCodesAnArray()
    {
        var json = AuditTrail.SerializeDetails(new TicketTypeSavedDetails("Regular", 2500, "EUR", ["S1", "S2"]));

        Assert.Equal("""{"name":"Regular","priceMinor":2500,"currency":"EUR","sessions":["S1","S2"]}""", json);
    }

    [Fact]
    public void EventCoverChanged_MatchesTheAnonymousObjectItReplaced()
    {
        const string path = "events/abc/cover.png";
        var bytes = 48_213L;

        Assert.Equal(JsonSerializer.Serialize(new { path, bytes }, Web), AuditTrail.SerializeDetails(new EventCoverChangedDetails(path, bytes)));
    }

    [Fact]
    public void TicketAttendeeChanged_MatchesTheAnonymousObjectItReplaced_NestedMembersToo()
    {
        var before = new { AttendeeName = (string?)"Ada", AttendeeEmail = (string?)null };
        var after = new { AttendeeName = (string?)"Grace", AttendeeEmail = (string?)"grace@example.com" };
        var old = new { Number = "R-7", Position = 2, Before = before, After = after, CodeReissued = true };

        var details = new TicketAttendeeChangedDetails("R-7", 2, new AttendeeContact("Ada", null), new AttendeeContact("Grace", "grace@example.com"),
            CodeReissued: true);

        Assert.Equal(JsonSerializer.Serialize(old, Web), AuditTrail.SerializeDetails(details));
    }

    [Fact]
    public void TicketCheckIn_StoresTheOutcomeAsItsNumber_AsBefore()
    {
        var sessionId = Guid.NewGuid();
        var old = new { Outcome = CheckInOutcome.AlreadyCheckedIn, SessionId = sessionId, Station = "Door 1", AttendeeName = (string?)"Ada" };

        var json = AuditTrail.SerializeDetails(new TicketCheckInDetails(CheckInOutcome.AlreadyCheckedIn, sessionId, "Door 1", "Ada"));

        Assert.Equal(JsonSerializer.Serialize(old, Web), json);
        Assert.Contains("\"outcome\":1", json, StringComparison.Ordinal);
    }
}
