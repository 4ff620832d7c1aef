using EventPlatform.Core.Catalog.Live;
using EventPlatform.Core.Common;
using EventPlatform.Core.Ordering.Coupons;
using EventPlatform.Core.Ordering.Holds;
using EventPlatform.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Catalog.Browsing;

/// <summary>A session as the event page lists it.</summary>
public sealed record PublicSession(string Code, string Name, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Remaining) : ICalendarSession;

/// <summary>A ticket type as the event page offers it to this visitor.</summary>
public sealed record PublicTicketType(
    Guid Id,
    string Name,
    string? Description,
    Money Price,
    Money RegularPrice,
    bool IsMemberPrice,
    bool IsEarlyBird,
    IReadOnlyList<string> SessionCodes,
    TicketAvailability Availability,
    string? AvailabilityText,
    ScarcityBadge Badge);

/// <summary>The rows availability was computed from, with this visitor's context.</summary>
public sealed record LiveRules(IReadOnlyList<Session> Sessions, IReadOnlyList<TicketType> Types, BuyerContext Buyer);

/// <summary>Everything the public event page shows.</summary>
public sealed record PublicEventView(
    Event Event,
    string OrganizationName,
    string OrganizationSlug,
    IReadOnlyList<PublicSession> Sessions,
    IReadOnlyList<PublicTicketType> TicketTypes,
    IReadOnlyList<EventCard> Related,
    bool IsMember,
    bool IsPreview)
{
    /// <summary>The code that unlocked hidden ticket types, when one did.</summary>
    public string? UnlockedByCoupon { get; init; }

    /// <summary>The organization's brand colour (<c>#RRGGBB</c>), for its buttons and bands (see <c>BrandColours</c>).</summary>
    public string BrandColour { get; init; } = "#4338CA";

    /// <summary>What live updates re-evaluate (see <see cref="GetPublicEvent.WithCounters"/>).</summary>
    public LiveRules? Rules { get; init; }
}

/// <summary>
/// Reads one event for the public page at /e/{slug}: published (or completed, cancelled) events
/// for everyone, members-only ones for members, drafts only as a preview for the organization's
/// team. Anything else is "not found".
/// </summary>
public sealed class GetPublicEvent(IAppDbContextFactory dbFactory, ICurrentUser currentUser, OrganizationAccess access, BrowseCatalog catalog,
    CatalogCache cache, CodeGuessLimit guesses, TimeProvider clock)
{
    public Task<PublicEventView> ExecuteAsync(string slug, CancellationToken ct = default) => ExecuteAsync(slug, null, ct);

    /// <param name="couponCode">A code the visitor entered: hidden ticket types it unlocks are shown.</param>
    public async Task<PublicEventView> ExecuteAsync(string slug, string? couponCode, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var found = await db.Events.AsNoTracking().Where(e => e.Slug == slug)
            .Join(db.Organizations, e => e.OrganizationId, o => o.Id, (e, o) => new { Event = e, o.Name, o.Slug, o.BrandColour })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        var e = found.Event;
        var isTeam = await access.FindGrantAsync(e.OrganizationId, ct) is { } grant && grant.Allows(OrgRole.Analyst);
        var isMember = await IsCustomerMemberAsync(db, e.OrganizationId, ct);
        var isPreview = e.Status is EventStatus.Draft or EventStatus.Scheduled;
        if ((isPreview && !isTeam) || (e.Visibility == EventVisibility.MembersOnly && !isMember && !isTeam))
        {
            throw new NotFoundException();
        }

        var now = clock.GetUtcNow();
        var buyer = new BuyerContext(isMember);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.EventId == e.Id).OrderBy(s => s.StartsAt).ToListAsync(ct);
        // An access code typed on the page counts as a guess like any other (a blocked client unlocks nothing).
        Ordering.Coupon? coupon = null;
        if (!string.IsNullOrWhiteSpace(couponCode) && !await guesses.IsBlockedAsync(null, ct))
        {
            coupon = await CouponRules.FindAsync(db, e.OrganizationId, couponCode, ct);
            if (coupon is not { IsActive: true })
            {
                await guesses.RecordWrongAsync(null, ct);
                coupon = null;
            }
        }

        var unlocking = coupon is { IsActive: true, UnlocksHiddenTypes: true } && coupon.AppliesToEvent(e.Id)
            && (coupon.ValidFrom is null || now >= coupon.ValidFrom) && (coupon.ValidUntil is null || now < coupon.ValidUntil) ? coupon : null;
        var types = await db.TicketTypes.AsNoTracking().Include(t => t.Sessions)
            .Where(t => t.EventId == e.Id && t.IsActive
                && (t.Visibility == TicketVisibility.Public || (t.Visibility == TicketVisibility.MembersOnly && isMember)
                    || (t.Visibility == TicketVisibility.Hidden && unlocking != null)))
            .OrderBy(t => t.SortOrder).ThenBy(t => t.PriceMinor)
            .ToListAsync(ct);
        types = types.Where(t => t.Visibility != TicketVisibility.Hidden || unlocking!.AppliesToType(t.Id)).ToList();
        // Holds that ran out stop counting at once, even before the worker releases them.
        await ExpiredHolds.DiscountAsync(db, e.Id, sessions, types, now, ct);

        var (publicSessions, offered) = Project(e, sessions, types, buyer, now);
        var related = await RelatedAsync(db, e, now, ct);
        return new PublicEventView(e, found.Name, found.Slug, publicSessions, offered, related, isMember, isPreview)
        {
            UnlockedByCoupon = unlocking?.Code,
            BrandColour = found.BrandColour,
            Rules = new LiveRules(sessions, types, buyer),
        };
    }

    /// <summary>
    /// The same view with new counters (a live update): the availability rule runs again on the
    /// rules read at first, so a page updates without querying the database itself.
    /// </summary>
    public static PublicEventView WithCounters(PublicEventView view, EventCounters counters, DateTimeOffset now)
    {
        var rules = view.Rules ?? throw new InvalidOperationException("The view was not read for live updates.");
        var ev = view.Event;
        ev.Status = counters.Status;
        foreach (var session in rules.Sessions)
        {
            if (counters.Sessions.TryGetValue(session.Id, out var c))
            {
                (session.Capacity, session.Taken) = (c.Capacity ?? session.Capacity, c.Taken);
            }
        }

        foreach (var type in rules.Types)
        {
            if (counters.Types.TryGetValue(type.Id, out var c))
            {
                (type.QuantityCap, type.Taken) = (c.Capacity, c.Taken);
            }
        }

        var (sessions, types) = Project(ev, rules.Sessions, rules.Types, rules.Buyer, now);
        return view with { Sessions = sessions, TicketTypes = types };
    }

    private static (IReadOnlyList<PublicSession> Sessions, IReadOnlyList<PublicTicketType> Types) Project(
        Event e, IReadOnlyList<Session> sessions, IReadOnlyList<TicketType> types, BuyerContext buyer, DateTimeOffset now)
    {
        var byId = sessions.ToDictionary(s => s.Id);
        var names = sessions.ToDictionary(s => s.Code, s => s.Name);
        var offered = types.Select(t =>
        {
            var counters = CatalogCounters.For(t, byId);
            var availability = AvailabilityRule.Evaluate(e.Status, e.Visibility, counters,
                buyer with { HasUnlockedHidden = t.Visibility == TicketVisibility.Hidden }, now);
            var price = TicketPricing.UnitPrice(t, buyer, now);
            return new PublicTicketType(
                t.Id, t.Name, t.Description, price, t.Price,
                IsMemberPrice: buyer.IsMember && t.MemberPriceMinor is { } member && member == price.AmountMinor && member < t.PriceMinor,
                IsEarlyBird: TicketPricing.IsEarlyBirdOn(t, now) && t.EarlyBirdPriceMinor == price.AmountMinor && price.AmountMinor < t.PriceMinor,
                counters.Sessions.Select(s => s.Code).ToList(),
                availability,
                AvailabilityWording.Describe(availability, names, t.SalesStartAt, e.TimeZone),
                Scarcity.For(availability, CatalogCounters.Capacity(counters)));
        }).ToList();
        var publicSessions = sessions.Select(s => new PublicSession(s.Code, s.Name, s.StartsAt, s.EndsAt, s.Counters.Remaining)).ToList();
        return (publicSessions, offered);
    }

    /// <summary>Up to three upcoming listed events: same organization, category or tags first.</summary>
    private async Task<IReadOnlyList<EventCard>> RelatedAsync(IAppDbContext db, Event e, DateTimeOffset now, CancellationToken ct)
    {
        // Which events are related is a catalog-wide ranking (cached); their cards are read fresh.
        var candidates = await cache.GetOrReadAsync<IReadOnlyList<Guid>>($"related|{e.Id}", () => RelatedIdsAsync(db, e, now, ct));
        return await catalog.CardsAsync(candidates, [], ct);
    }

    private static async Task<IReadOnlyList<Guid>> RelatedIdsAsync(IAppDbContext db, Event e, DateTimeOffset now, CancellationToken ct) =>
        await db.Events.AsNoTracking()
            .Where(x => x.Id != e.Id && x.Status == EventStatus.Published && x.Visibility == EventVisibility.Public
                && x.Sessions.Any(s => s.EndsAt > now))
            .Where(x => x.OrganizationId == e.OrganizationId || x.Category == e.Category || x.Tags.Any(t => e.Tags.Contains(t)))
            .Select(x => new
            {
                x.Id,
                Score = (x.OrganizationId == e.OrganizationId ? 2 : 0) + (x.Category == e.Category ? 1 : 0) + x.Tags.Count(t => e.Tags.Contains(t)),
                Next = x.Sessions.Where(s => s.EndsAt > now).Min(s => s.StartsAt),
            })
            .OrderByDescending(x => x.Score).ThenBy(x => x.Next)
            .Take(3)
            .Select(x => x.Id)
            .ToListAsync(ct);

    private async Task<bool> IsCustomerMemberAsync(IAppDbContext db, Guid organizationId, CancellationToken ct)
    {
        var userId = await currentUser.GetUserIdAsync(ct);
        if (userId is null)
        {
            return false;
        }

        // Only a confirmed address proves the person is the member the organization listed.
        var email = await db.Users.Where(u => u.Id == userId && u.EmailConfirmed).Select(u => u.NormalizedEmail).SingleOrDefaultAsync(ct);
        return email is not null && await db.CustomerMembers.AnyAsync(m => m.OrganizationId == organizationId && m.NormalizedEmail == email, ct);
    }
}
