using EventPlatform.Core.Catalog;

namespace EventPlatform.Core.Tests.Catalog;

public class AvailabilityRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static SessionCounters S(string code, int capacity, int sold = 0, int held = 0) => new(code, capacity, sold + held);

    private static TicketTypeCounters Type(
        IReadOnlyList<SessionCounters>? sessions = null,
        int? cap = null, int sold = 0, int held = 0, int min = 1, int max = 10,
        bool active = true, TicketVisibility visibility = TicketVisibility.Public,
        DateTimeOffset? salesStart = null, DateTimeOffset? salesEnd = null) =>
        new(active, visibility, cap, sold + held, min, max, salesStart, salesEnd ?? Now.AddDays(30), sessions ?? [S("S1", 100)]);

    private static TicketAvailability Evaluate(
        TicketTypeCounters type,
        EventStatus status = EventStatus.Published,
        EventVisibility eventVisibility = EventVisibility.Public,
        BuyerContext? buyer = null,
        DateTimeOffset? now = null) =>
        AvailabilityRule.Evaluate(status, eventVisibility, type, buyer ?? BuyerContext.Anonymous, now ?? Now);

    /// <summary>Remaining and the limit per order, for types that are on sale.</summary>
    public static TheoryData<string, TicketTypeCounters, int, int> OnSale() => new()
    {
        // case,                                   type,                                                               remaining, max purchasable
        { "plenty, limited by per-order max",       Type(),                                                              100, 10 },
        { "session counters subtract sold+held",    Type([S("S1", 100, sold: 60, held: 35)]),                           5, 5 },
        { "cap tighter than the session",           Type([S("S1", 100)], cap: 20, sold: 12, held: 3),                    5, 5 },
        { "session tighter than the cap",           Type([S("S1", 10, sold: 7)], cap: 50),                               3, 3 },
        { "multi-session: the fullest session rules", Type([S("S1", 100, 10), S("S2", 100, 95), S("S3", 100, 50)]),    5, 5 },
        { "exactly the minimum left",               Type([S("S1", 10, sold: 8)], min: 2),                                2, 2 },
        { "max per order below remaining",          Type([S("S1", 100)], max: 4),                                        100, 4 },
    };

    [Theory]
    [MemberData(nameof(OnSale))]
    public void OnSale_RemainingIsTheTightestCounter(string because, TicketTypeCounters type, int remaining, int maxPurchasable)
    {
        var result = Evaluate(type);
        Assert.True(result.IsPurchasable, because);
        Assert.Equal(ConstraintReason.None, result.Reason);
        Assert.Equal(remaining, result.Remaining);
        Assert.Equal(maxPurchasable, result.MaxPurchasable);
        Assert.Empty(result.LimitingSessionCodes);
    }

    /// <summary>Every reason, and the combinations where the order of precedence matters.</summary>
    public static TheoryData<string, TicketTypeCounters, EventStatus, EventVisibility, bool, ConstraintReason, string[]> Blocked() => new()
    {
        { "draft event",                         Type(), EventStatus.Draft, EventVisibility.Public, false, ConstraintReason.EventNotOnSale, [] },
        { "scheduled event",                     Type(), EventStatus.Scheduled, EventVisibility.Public, false, ConstraintReason.EventNotOnSale, [] },
        { "cancelled event",                     Type(), EventStatus.Cancelled, EventVisibility.Public, false, ConstraintReason.EventNotOnSale, [] },
        { "completed event",                     Type(), EventStatus.Completed, EventVisibility.Public, false, ConstraintReason.EventNotOnSale, [] },
        { "type with no sessions",               Type(sessions: []), EventStatus.Published, EventVisibility.Public, false,
            ConstraintReason.EventNotOnSale, [] },
        { "not on sale beats inactive",          Type(active: false), EventStatus.Draft, EventVisibility.Public, false,
            ConstraintReason.EventNotOnSale, [] },
        { "inactive",                            Type(active: false), EventStatus.Published, EventVisibility.Public, false, ConstraintReason.Inactive,
            [] },
        { "inactive beats sold out",             Type([S("S1", 5, sold: 5)], active: false), EventStatus.Published, EventVisibility.Public, false,
            ConstraintReason.Inactive, [] },
        { "members-only type, non-member",       Type(visibility: TicketVisibility.MembersOnly), EventStatus.Published, EventVisibility.Public, false,
            ConstraintReason.MembersOnly, [] },
        { "members-only event, non-member",      Type(), EventStatus.Published, EventVisibility.MembersOnly, false, ConstraintReason.MembersOnly,
            [] },
        { "hidden type, not unlocked",           Type(visibility: TicketVisibility.Hidden), EventStatus.Published, EventVisibility.Public, true,
            ConstraintReason.Hidden, [] },
        { "sales not started",                   Type(salesStart: Now.AddTicks(1)), EventStatus.Published, EventVisibility.Public, false,
            ConstraintReason.SalesNotStarted, [] },
        { "sales ended exactly now",             Type(salesEnd: Now), EventStatus.Published, EventVisibility.Public, false,
            ConstraintReason.SalesEnded, [] },
        { "sales ended beats sold out",          Type([S("S1", 5, sold: 5)], salesEnd: Now.AddDays(-1)), EventStatus.Published,
            EventVisibility.Public, false, ConstraintReason.SalesEnded, [] },
        { "members-only beats not started",      Type(visibility: TicketVisibility.MembersOnly, salesStart: Now.AddDays(1)), EventStatus.Published,
            EventVisibility.Public, false, ConstraintReason.MembersOnly, [] },
        { "cap reached",                         Type(cap: 10, sold: 10), EventStatus.Published, EventVisibility.Public, false,
            ConstraintReason.SoldOut, [] },
        { "cap reached by holds",                Type(cap: 10, sold: 6, held: 4), EventStatus.Published, EventVisibility.Public, false,
            ConstraintReason.SoldOut, [] },
        { "single session full",                 Type([S("S1", 50, sold: 40, held: 10)]), EventStatus.Published, EventVisibility.Public, false,
            ConstraintReason.SoldOut, [] },
        { "all sessions full",                   Type([S("S1", 5, 5), S("S2", 5, 5)]), EventStatus.Published, EventVisibility.Public, false,
            ConstraintReason.SoldOut, [] },
        { "one session of three full",           Type([S("S1", 50), S("S2", 50, sold: 50), S("S3", 50)]), EventStatus.Published,
            EventVisibility.Public, false, ConstraintReason.SessionFull, ["S2"] },
        { "two sessions of three full",          Type([S("S1", 50, held: 50), S("S2", 50), S("S3", 50, sold: 49, held: 1)]), EventStatus.Published,
            EventVisibility.Public, false, ConstraintReason.SessionFull, ["S1", "S3"] },
        { "cap reached while a session is full", Type([S("S1", 50), S("S2", 50, sold: 50)], cap: 5, sold: 5), EventStatus.Published,
            EventVisibility.Public, false, ConstraintReason.SoldOut, [] },
        { "fewer left than the per-order minimum", Type([S("S1", 10, sold: 9)], min: 2), EventStatus.Published, EventVisibility.Public, false,
            ConstraintReason.SoldOut, [] },
        { "session below minimum in a series",   Type([S("S1", 10), S("S2", 10, sold: 9)], min: 2), EventStatus.Published, EventVisibility.Public,
            false, ConstraintReason.SessionFull, ["S2"] },
        { "oversold counters clamp to zero",     Type([S("S1", 10, sold: 12)]), EventStatus.Published, EventVisibility.Public, false,
            ConstraintReason.SoldOut, [] },
    };

    [Theory]
    [MemberData(nameof(Blocked))]
    public void Blocked_ReportsTheFirstReasonInOrder(
        string because, TicketTypeCounters type, EventStatus status, EventVisibility eventVisibility, bool isMember, ConstraintReason reason,
            string[] limiting)
    {
        var result = Evaluate(type, status, eventVisibility, new BuyerContext(isMember));
        Assert.False(result.IsPurchasable, because);
        Assert.Equal(reason, result.Reason);
        Assert.Equal(0, result.MaxPurchasable);
        Assert.Equal(limiting, result.LimitingSessionCodes);
        Assert.True(result.Remaining >= 0);
    }

    [Fact]
    public void MembersOnly_IsOpenToMembers()
    {
        Assert.True(Evaluate(Type(visibility: TicketVisibility.MembersOnly), buyer: new BuyerContext(IsMember: true)).IsPurchasable);
        Assert.True(Evaluate(Type(), eventVisibility: EventVisibility.MembersOnly, buyer: new BuyerContext(IsMember: true)).IsPurchasable);
    }

    [Fact]
    public void Hidden_IsOpenOnceUnlocked()
    {
        Assert.True(Evaluate(Type(visibility: TicketVisibility.Hidden), buyer: new BuyerContext(false, HasUnlockedHidden: true)).IsPurchasable);
    }

    [Fact]
    public void SalesWindow_OpensExactlyAtItsStart_AndClosesExactlyAtItsEnd()
    {
        var type = Type(salesStart: Now, salesEnd: Now.AddHours(1));
        Assert.Equal(ConstraintReason.SalesNotStarted, Evaluate(type, now: Now.AddTicks(-1)).Reason);
        Assert.True(Evaluate(type, now: Now).IsPurchasable);
        Assert.True(Evaluate(type, now: Now.AddHours(1).AddTicks(-1)).IsPurchasable);
        Assert.Equal(ConstraintReason.SalesEnded, Evaluate(type, now: Now.AddHours(1)).Reason);
    }

    [Fact]
    public void ConstraintReasons_AreOrderedAsDocumented()
    {
        Assert.Equal(
            [ConstraintReason.None, ConstraintReason.EventNotOnSale, ConstraintReason.Inactive, ConstraintReason.MembersOnly, ConstraintReason.Hidden,
             ConstraintReason.SalesNotStarted, ConstraintReason.SalesEnded, ConstraintReason.SoldOut, ConstraintReason.SessionFull],
            Enum.GetValues<ConstraintReason>());
    }
}
