using EventPlatform.Core.Catalog;
using EventPlatform.Core.Messaging.Reminders;

namespace EventPlatform.Core.Tests.Messaging;

/// <summary>When a rule's reminders are due and when they are stale, and how a rule reads to the organizer.</summary>
public sealed class ReminderScheduleTests
{
    private static readonly DateTimeOffset Day1 = new(2027, 3, 1, 18, 0, 0, TimeSpan.Zero);
    private static readonly Session S1 = new() { Id = Guid.NewGuid(), Code = "S1", Name = "Day 1", StartsAt = Day1, EndsAt = Day1.AddHours(3) };
    private static readonly Session S2 = new()
        { Id = Guid.NewGuid(), Code = "S2", Name = "Day 2", StartsAt = Day1.AddDays(1), EndsAt = Day1.AddDays(1).AddHours(3) };

    private static ReminderRule Rule(ReminderScope scope, ReminderAnchor anchor, int offset, Guid? session = null) =>
        new() { Id = Guid.NewGuid(), Scope = scope, Anchor = anchor, OffsetMinutes = offset, SessionId = session, Enabled = true };

    [Fact]
    public void ABeforeTheStartReminder_IsDueFromItsTime_UntilTheStart()
    {
        var rule = Rule(ReminderScope.EachSession, ReminderAnchor.Start, -24 * 60);

        Assert.Empty(ReminderSchedule.Due(rule, [S1, S2], Day1.AddHours(-24).AddTicks(-1)));
        var due = Assert.Single(ReminderSchedule.Due(rule, [S1, S2], Day1.AddHours(-24)));
        Assert.Equal((S1.Id, Day1.AddHours(-24)), (due.SessionId, due.DueAt));
        Assert.Equal(S1.Id, Assert.Single(ReminderSchedule.Due(rule, [S1, S2], Day1.AddTicks(-1))).SessionId);
        // Once S1 has started its reminder is stale, and S2's is due (24 hours before S2 is S1's start).
        Assert.Equal(S2.Id, Assert.Single(ReminderSchedule.Due(rule, [S1, S2], Day1)).SessionId);
    }

    [Fact]
    public void AnyOtherReminder_MayGoUpTo24HoursLate()
    {
        var rule = Rule(ReminderScope.WholeEvent, ReminderAnchor.End, 120);
        var due = S2.EndsAt.AddHours(2);

        Assert.Empty(ReminderSchedule.Due(rule, [S2, S1], due.AddTicks(-1)));
        var reminder = Assert.Single(ReminderSchedule.Due(rule, [S2, S1], due.AddHours(23)));
        // The whole event ends with its last session, whose id keys its deliveries.
        Assert.Equal(S2.Id, reminder.SessionId);
        Assert.Empty(ReminderSchedule.Due(rule, [S2, S1], due + ReminderSchedule.LateWindow));
    }

    [Fact]
    public void AReminderBeforeAnEnd_OrFromAStart_IsStaleOnceTheSessionHasEnded()
    {
        var beforeEnd = Rule(ReminderScope.EachSession, ReminderAnchor.End, -60);
        var atStart = Rule(ReminderScope.OneSession, ReminderAnchor.Start, 0, S1.Id);

        Assert.Equal(S1.Id, Assert.Single(ReminderSchedule.Due(beforeEnd, [S1, S2], S1.EndsAt.AddMinutes(-1))).SessionId);
        Assert.Empty(ReminderSchedule.Due(beforeEnd, [S1, S2], S1.EndsAt));
        // "When it starts" may go late while the session runs, never after it is over.
        Assert.Single(ReminderSchedule.Due(atStart, [S1, S2], S1.StartsAt));
        Assert.Single(ReminderSchedule.Due(atStart, [S1, S2], S1.StartsAt.AddHours(1)));
        Assert.Empty(ReminderSchedule.Due(atStart, [S1, S2], S1.EndsAt));
    }

    [Fact]
    public void AOneSessionRule_CountsFromItsSessionOnly_AndAWholeEventStart_FromTheFirstSession()
    {
        var one = Rule(ReminderScope.OneSession, ReminderAnchor.Start, -60, S2.Id);
        var whole = Rule(ReminderScope.WholeEvent, ReminderAnchor.Start, -60);

        Assert.Equal(S2.Id, Assert.Single(ReminderSchedule.Due(one, [S1, S2], S2.StartsAt.AddMinutes(-30))).SessionId);
        Assert.Empty(ReminderSchedule.Due(one, [S1, S2], S1.StartsAt.AddMinutes(-30)));
        Assert.Equal(S1.Id, Assert.Single(ReminderSchedule.Due(whole, [S2, S1], S1.StartsAt.AddMinutes(-30))).SessionId);
        Assert.Empty(ReminderSchedule.Due(whole, [], S1.StartsAt));
    }

    [Theory]
    [InlineData(ReminderScope.EachSession, ReminderAnchor.Start, -24 * 60, "24 hours before each session starts")]
    [InlineData(ReminderScope.WholeEvent, ReminderAnchor.End, 120, "2 hours after the event ends")]
    [InlineData(ReminderScope.OneSession, ReminderAnchor.Start, -2 * 24 * 60, "2 days before S2 — Day 2 starts")]
    [InlineData(ReminderScope.EachSession, ReminderAnchor.End, 90, "90 minutes after each session ends")]
    [InlineData(ReminderScope.WholeEvent, ReminderAnchor.Start, 0, "When the event starts")]
    [InlineData(ReminderScope.OneSession, ReminderAnchor.End, -1, "1 minute before S2 — Day 2 ends")]
    public void ARule_ReadsAsTheOrganizerWouldSayIt(ReminderScope scope, ReminderAnchor anchor, int offset, string expected) =>
        Assert.Equal(expected, ReminderDescription.Of(Rule(scope, anchor, offset, scope == ReminderScope.OneSession ? S2.Id : null),
            scope == ReminderScope.OneSession ? S2 : null));
}
