namespace EventPlatform.Core.Catalog;

/// <summary>
/// One occurrence of an event (a day of a workshop series, a concert night), with its own
/// capacity. <see cref="Taken"/> is its guard counter, changed by conditional updates inside the
/// purchase transaction, so capacity is guarded by the database.
/// </summary>
public class Session
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    /// <summary>S1, S2, … in order of creation, never reused within the event.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public int Capacity { get; set; }
    public SeatingMode SeatingMode { get; set; } = SeatingMode.GeneralAdmission;
    /// <summary>
    /// Places sold or held: the one counter a purchase changes (docs/decisions/0005-one-guard-counter.md).
    /// A hold takes places and a payment keeps them, so confirming an order never touches this row.
    /// </summary>
    public int Taken { get; set; }

    public static string CodeFor(int number) => "S" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public SessionCounters Counters => new(Code, Capacity, Taken);

    /// <summary>A copy with another counter (an <see cref="Browsing.EventDefinition"/>'s session with the counter read now).</summary>
    public Session WithTaken(int taken)
    {
        var copy = (Session)MemberwiseClone();
        copy.Taken = taken;
        return copy;
    }
}
