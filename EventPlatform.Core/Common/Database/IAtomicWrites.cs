using EventPlatform.Core.CheckIn;
using EventPlatform.Core.Messaging.Reminders;
using EventPlatform.Core.Payments;

namespace EventPlatform.Core.Common.Database;

/// <summary>
/// Writes that must be one atomic statement because parallel callers race for them: the database
/// decides which caller wins, never a read-then-write in application code.
/// </summary>
public interface IAtomicWrites
{
    /// <summary>Records a payment event as processed; false when it already was (a duplicate delivery).</summary>
    Task<bool> TryRecordPaymentEventAsync(ProcessedPaymentEvent processed, CancellationToken ct);

    /// <summary>Records a check-in; false when the ticket is already checked in to that session (and not undone).</summary>
    Task<bool> TryRecordCheckInAsync(CheckInRecord record, CancellationToken ct);

    /// <summary>
    /// Records the reminder deliveries not recorded yet, by their (rule, session, email) key, and returns the
    /// emails recorded now: only those may be sent. A concurrent transaction recording the same key waits for
    /// this one and then records nothing, so a reminder goes once however many passes race.
    /// </summary>
    Task<IReadOnlyList<string>> TryRecordReminderDeliveriesAsync(IReadOnlyList<ReminderDelivery> deliveries, CancellationToken ct);

    /// <summary>Counts one more attempt under <paramref name="key"/> in the window starting at <paramref name="windowStart"/>; returns the new
    /// count.</summary>
    Task<int> CountAttemptAsync(string key, DateTimeOffset windowStart, CancellationToken ct);

    /// <summary>Deletes attempt counters of windows that started before <paramref name="before"/>.</summary>
    Task DeleteAttemptCountersAsync(DateTimeOffset before, CancellationToken ct);
}
