using EventPlatform.Core.Catalog;

namespace EventPlatform.Core.Messaging.Reminders;

/// <summary>
/// One reminder to send now: <paramref name="SessionId"/> is the session it is anchored on (a whole-event
/// rule's first or last session), which is also the session of its deliveries' exactly-once key.
/// </summary>
public sealed record DueReminder(ReminderRule Rule, Guid SessionId, DateTimeOffset DueAt);

/// <summary>When a rule's reminders are due, and until when they may still go.</summary>
public static class ReminderSchedule
{
    /// <summary>
    /// How long after its due time a reminder may still go (a worker that was down, a rule turned on
    /// late): after that it is stale, so turning on an old rule does not mail last month's attendees.
    /// </summary>
    public static readonly TimeSpan LateWindow = TimeSpan.FromHours(24);

    /// <summary>
    /// The reminders of <paramref name="rule"/> due at <paramref name="now"/>: due at or before it, and
    /// not stale. A reminder before its moment (a session's start or end) goes only while that moment
    /// is still ahead (a "see you tomorrow" after the doors opened is wrong); one at or after a start
    /// only while the session runs; any other one within <see cref="LateWindow"/> of its due time.
    /// </summary>
    /// <param name="sessions">The rule's event's sessions.</param>
    public static IEnumerable<DueReminder> Due(ReminderRule rule, IReadOnlyCollection<Session> sessions, DateTimeOffset now)
    {
        foreach (var anchor in Anchors(rule, sessions))
        {
            var moment = rule.Anchor == ReminderAnchor.Start ? anchor.StartsAt : anchor.EndsAt;
            var due = moment.AddMinutes(rule.OffsetMinutes);
            // Before its moment: pointless once the moment has passed. From a start on: pointless once the session is over.
            var until = rule.OffsetMinutes < 0 ? moment
                : rule.Anchor == ReminderAnchor.Start ? Min(anchor.EndsAt, due + LateWindow)
                : due + LateWindow;
            if (due <= now && now < until)
            {
                yield return new DueReminder(rule, anchor.Id, due);
            }
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>The sessions whose start or end the rule counts from.</summary>
    private static IEnumerable<Session> Anchors(ReminderRule rule, IReadOnlyCollection<Session> sessions)
    {
        if (sessions.Count == 0)
        {
            return [];
        }

        return rule.Scope switch
        {
            ReminderScope.EachSession => sessions,
            ReminderScope.OneSession => sessions.Where(s => s.Id == rule.SessionId),
            // The event starts with its first session and ends with its last one (ties broken by code, so every pass picks the same).
            ReminderScope.WholeEvent => rule.Anchor == ReminderAnchor.Start
                ? [sessions.OrderBy(s => s.StartsAt).ThenBy(s => s.Code, StringComparer.Ordinal).First()]
                : [sessions.OrderByDescending(s => s.EndsAt).ThenBy(s => s.Code, StringComparer.Ordinal).First()],
            _ => [],
        };
    }
}
