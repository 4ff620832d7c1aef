using System.Globalization;
using EventPlatform.Core.Catalog;

namespace EventPlatform.Core.Messaging.Reminders;

/// <summary>The units an organizer states a reminder's offset in.</summary>
public enum ReminderUnit
{
    Minutes,
    Hours,
    Days,
}

/// <summary>What a rule means, in the organizer's words: "24 hours before each session starts", "2 hours after the event ends".</summary>
public static class ReminderDescription
{
    /// <param name="session">The session of a <see cref="ReminderScope.OneSession"/> rule.</param>
    public static string Of(ReminderRule rule, Session? session)
    {
        var moment = (rule.Scope, rule.Anchor) switch
        {
            (ReminderScope.EachSession, ReminderAnchor.Start) => "each session starts",
            (ReminderScope.EachSession, _) => "each session ends",
            (ReminderScope.WholeEvent, ReminderAnchor.Start) => "the event starts",
            (ReminderScope.WholeEvent, _) => "the event ends",
            (_, ReminderAnchor.Start) => $"{SessionLabel(session)} starts",
            _ => $"{SessionLabel(session)} ends",
        };
        if (rule.OffsetMinutes == 0)
        {
            return "When " + moment;
        }

        var amount = Amount(Math.Abs(rule.OffsetMinutes));
        return $"{char.ToUpperInvariant(amount[0])}{amount[1..]} {(rule.OffsetMinutes < 0 ? "before" : "after")} {moment}";
    }

    /// <summary>"S2 — Day 2".</summary>
    public static string SessionLabel(Session? session) => session is null ? "a removed session" : $"{session.Code} — {session.Name}";

    /// <summary>
    /// "2 days", "24 hours", "90 minutes": whole days from two days up (a day is said as 24 hours, as
    /// people say it of a reminder), whole hours, otherwise minutes.
    /// </summary>
    public static string Amount(int minutes) => minutes switch
    {
        _ when minutes % (24 * 60) == 0 && minutes > 24 * 60 => Count(minutes / (24 * 60), "day"),
        _ when minutes % 60 == 0 => Count(minutes / 60, "hour"),
        _ => Count(minutes, "minute"),
    };

    /// <summary>The minutes of <paramref name="amount"/> <paramref name="unit"/>s.</summary>
    public static long Minutes(int amount, ReminderUnit unit) => unit switch
    {
        ReminderUnit.Days => amount * 24L * 60,
        ReminderUnit.Hours => amount * 60L,
        _ => amount,
    };

    private static string Count(int n, string unit) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? unit : unit + "s");
}
