using System.Globalization;
using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog;
using EventPlatform.Core.Catalog.Browsing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Database;
using EventPlatform.Core.Common.Events;
using EventPlatform.Core.Ordering.Coupons;
using EventPlatform.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Core.Ordering.Holds;

/// <param name="Quantities">Tickets wanted per ticket type id.</param>
/// <param name="CouponCode">A code typed on the event page (it may unlock hidden types).</param>
/// <param name="ReplacesOrderKey">The buyer's previous pending order for this event, released first (guests are recognised by it).</param>
public sealed record HoldRequest(Guid EventId, IReadOnlyDictionary<Guid, int> Quantities, string? CouponCode = null, string? ReplacesOrderKey = null);

public sealed record HoldPlaced(Guid OrderId, string AccessKey, DateTimeOffset ExpiresAt);

/// <summary>
/// Step 2 of buying (docs/product.md, "3. Ordering: holds and checkout"): holds the whole selection
/// at once — all or nothing — and creates a pending order that expires after the hold time. The
/// places are taken by conditional counter updates (<see cref="ICapacityLedger"/>) in one
/// transaction; if they do not fit, expired holds of the event are released and it is tried once
/// more. Field errors use the ticket type id as the field name, plus <c>Quantities</c> and
/// <c>CouponCode</c>.
/// </summary>
public sealed class PlaceHold(
    IAppDbContextFactory dbFactory,
    ICurrentUser currentUser,
    ICurrentClient currentClient,
    HoldAttemptRate attempts,
    CodeGuessLimit guesses,
    ISettingsService settings,
    EventDefinitions definitions,
    ReleaseExpiredHolds releaser,
    HoldAdmission admission,
    AuditTrail audit,
    TimeProvider clock,
    IFaultInjector faults,
    AppMetrics metrics,
    ILogger<PlaceHold> logger,
    IDatabaseErrors databaseErrors)
{
    public const string QuantitiesField = "Quantities";
    public const string CouponField = "CouponCode";

    public async Task<CommandResult<HoldPlaced>> ExecuteAsync(HoldRequest request, CancellationToken ct = default)
    {
        var result = await PlaceAsync(request, ct);
        metrics.Hold(result.Succeeded ? "placed" : result.Errors.Any(e => e.Message == UserMessages.Busy) ? "busy" : "refused");
        return result;
    }

    private async Task<CommandResult<HoldPlaced>> PlaceAsync(HoldRequest request, CancellationToken ct)
    {
        var wanted = request.Quantities.Where(q => q.Value > 0).ToDictionary(q => q.Key, q => q.Value);
        if (wanted.Count == 0)
        {
            return Fail(QuantitiesField, UserMessages.ChooseTickets);
        }

        var current = await settings.GetAsync(ct);
        if (wanted.Values.Sum() > current.MaxTicketsPerOrder)
        {
            return Fail(QuantitiesField, Format(UserMessages.TooManyTickets, current.MaxTicketsPerOrder));
        }

        var client = currentClient.Get();
        if (!attempts.TryAttempt(client))
        {
            logger.LogWarning("Hold for event {EventId} refused: too many attempts from {ClientAddress}", request.EventId, client.Address);
            return Fail(QuantitiesField, UserMessages.TooManyHoldAttempts);
        }

        var now = clock.GetUtcNow();
        Prepared? prepared = null;
        for (var attempt = 0; ; attempt++)
        {
            CommandResult<HoldPlaced>? result;
            using (var admitted = await admission.EnterAsync(request.EventId, ct))
            {
                if (admitted is null)
                {
                    logger.LogWarning("Hold for event {EventId} refused as busy: waited {Wait} for admission", request.EventId,
                        HoldAdmission.MaxWait);
                    return Fail(QuantitiesField, UserMessages.Busy);
                }

                // One connection for the attempt: the counters read and the transaction share one pool
                // checkout. Opened only once admitted, so the buyers waiting at the gate hold none.
                await using var db = await dbFactory.CreateAsync(ct);
                await using var connection = await OpenConnection.KeepOpenAsync(db, ct);
                if (prepared is null)
                {
                    var outcome = await PrepareAsync(db, request, wanted, current, now, ct);
                    if (outcome.Errors is { } errors)
                    {
                        return CommandResult<HoldPlaced>.Failure(errors);
                    }

                    prepared = outcome.Prepared!;
                    await ReleasePreviousAsync(db, request, prepared.Buyer, now, ct);
                }

                result = await TryHoldAsync(db, prepared, client, current, now, ct);
            }

            if (result is not null || attempt == 1)
            {
                return result ?? Fail(QuantitiesField, UserMessages.NotEnoughPlaces);
            }

            // No room: holds that ran out may still be counted. Release them and try once more.
            if (await releaser.ExecuteAsync(request.EventId, ct) == 0)
            {
                return Fail(QuantitiesField, UserMessages.NotEnoughPlaces);
            }
        }
    }

    private sealed record Prepared(Event Event, Buyer Buyer, Coupon? Coupon, IReadOnlyList<(TicketType Type, long UnitPrice)> Tickets, FeeRule Fee,
        IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> SessionsByType);

    private sealed record Preparation(Prepared? Prepared, IReadOnlyList<ValidationFailure>? Errors);

    /// <summary>Checks everything that does not depend on capacity, and prices the selection.</summary>
    private async Task<Preparation> PrepareAsync(IAppDbContext db, HoldRequest request, Dictionary<Guid, int> wanted, PlatformSettings current,
        DateTimeOffset now, CancellationToken ct)
    {
        // The event's definition is cached; only its counters are read (one statement).
        var counted = await definitions.WithCountersAsync(db, request.EventId, ct) ?? throw new NotFoundException();
        var (ev, sessions, types) = (counted.Definition.Event, counted.Sessions, counted.TicketTypes);
        var buyer = await Buyer.FindAsync(db, currentUser, ev.OrganizationId, ct);
        var byId = sessions.ToDictionary(s => s.Id);
        // Expired, unreleased holds stop counting at once, but finding them is a query of its own:
        // only worth it when the counters alone leave too few places (an on-sale's common case has room).
        if (wanted.Any(w => types.SingleOrDefault(t => t.Id == w.Key) is { } type && RemainingByCounters(type, byId, now) < w.Value))
        {
            await ExpiredHolds.DiscountAsync(db, ev.Id, sessions, types, now, ct);
        }

        var names = sessions.ToDictionary(s => s.Code, s => s.Name);

        var errors = new List<ValidationFailure>();
        Coupon? coupon = null;
        if (!string.IsNullOrWhiteSpace(request.CouponCode))
        {
            if (await guesses.IsBlockedAsync(null, ct))
            {
                errors.Add(new(CouponField, UserMessages.CouponTooManyGuesses));
            }
            else
            {
                coupon = await CouponRules.FindAsync(db, ev.OrganizationId, request.CouponCode, ct);
                if (coupon is null || !coupon.IsActive)
                {
                    errors.Add(new(CouponField,
                        await guesses.RecordWrongAsync(null, ct) ? UserMessages.CouponTooManyGuesses : UserMessages.CouponUnknown));
                    coupon = null;
                }
            }
        }

        var tickets = new List<(TicketType Type, long UnitPrice)>();
        foreach (var (typeId, quantity) in wanted)
        {
            var type = types.SingleOrDefault(t => t.Id == typeId);
            if (type is null)
            {
                errors.Add(new(typeId.ToString(), UserMessages.TicketTypeNotOffered));
                continue;
            }

            var context = new BuyerContext(buyer.IsCustomerMember, HasUnlockedHidden: coupon is { UnlocksHiddenTypes: true }
                && coupon.AppliesToEvent(ev.Id) && coupon.AppliesToType(type.Id));
            var availability = AvailabilityRule.Evaluate(ev.Status, ev.Visibility, CatalogCounters.For(type, byId), context, now);
            if (availability.Reason is not (ConstraintReason.None or ConstraintReason.SoldOut or ConstraintReason.SessionFull))
            {
                errors.Add(new(typeId.ToString(), AvailabilityWording.Describe(availability, names, type.SalesStartAt, ev.TimeZone)
                    ?? UserMessages.TicketTypeNotOffered));
            }
            else if (quantity < type.MinPerOrder)
            {
                errors.Add(new(typeId.ToString(), Format(UserMessages.BelowMinPerOrder, type.MinPerOrder)));
            }
            else if (quantity > type.MaxPerOrder)
            {
                errors.Add(new(typeId.ToString(), Format(UserMessages.AboveMaxPerOrder, type.MaxPerOrder)));
            }
            else if (quantity > availability.Remaining)
            {
                errors.Add(new(typeId.ToString(),
                    availability.Remaining == 0
                        ? AvailabilityWording.Describe(availability, names, type.SalesStartAt, ev.TimeZone) ?? UserMessages.NotEnoughPlaces
                        : Format(UserMessages.OnlyFewLeft, availability.Remaining)));
            }

            var unit = TicketPricing.UnitPrice(type, new BuyerContext(buyer.IsCustomerMember), now).AmountMinor;
            tickets.AddRange(Enumerable.Repeat((type, unit), quantity));
        }

        var currencies = tickets.Select(t => t.Type.Currency).Distinct().ToList();
        if (currencies.Count > 1)
        {
            errors.Add(new(QuantitiesField, UserMessages.MixedCurrencies));
        }

        if (coupon is not null && errors.Count == 0
            && CouponRules.Problem(coupon, ev.Id, currencies[0], tickets.Select(t => (t.Type.Id, t.UnitPrice)).ToList(), now) is { } couponProblem)
        {
            errors.Add(new(CouponField, couponProblem));
        }

        if (errors.Count > 0)
        {
            return new Preparation(null, errors);
        }

        var fee = new FeeRule(counted.Definition.FeePercentOverride ?? current.PlatformFeePercent,
            counted.Definition.FeeFixedMinorOverride ?? current.PlatformFeeFixedMinor, ev.PassFeeToBuyer);
        var sessionsByType = types.ToDictionary(t => t.Id, t => (IReadOnlyList<Guid>)t.Sessions.Select(s => s.SessionId).ToList());
        return new Preparation(new Prepared(ev, buyer, coupon, tickets, fee, sessionsByType), null);
    }

    private static int RemainingByCounters(TicketType type, IReadOnlyDictionary<Guid, Session> sessionsById, DateTimeOffset now) =>
        AvailabilityRule.Evaluate(EventStatus.Published, EventVisibility.Public, CatalogCounters.For(type, sessionsById), BuyerContext.Anonymous, now)
            .Remaining;

    /// <summary>A buyer has at most one pending order per event: a new selection releases the previous one.</summary>
    private async Task ReleasePreviousAsync(IAppDbContext db, HoldRequest request, Buyer buyer, DateTimeOffset now, CancellationToken ct)
    {
        if (buyer.UserId is null && request.ReplacesOrderKey is null)
        {
            return; // A guest's first selection: nothing to look for.
        }

        var previous = await db.Orders.AsNoTracking()
            .Where(o => o.EventId == request.EventId && o.Status == OrderStatus.Pending)
            .Where(o => (buyer.UserId != null && o.BuyerUserId == buyer.UserId)
                || (request.ReplacesOrderKey != null && o.AccessKey == request.ReplacesOrderKey))
            .Select(o => o.Id).ToListAsync(ct);
        foreach (var orderId in previous)
        {
            await using var release = await dbFactory.CreateAsync(ct);
            await using var transaction = await release.BeginTransactionWithLockTimeoutAsync(ct);
            if (await release.Locks.OrderAsync(orderId, ct) is { } order && await OrderHolds.ExpireLockedAsync(release, order, now, ct))
            {
                audit.Add(release, buyer.UserId, order.OrganizationId, AuditActions.OrderReplaced, "Order", order.Id.ToString(),
                    new OrderNumberDetails(order.Number));
            }

            await release.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>One attempt in one transaction. Null when the places are not there.</summary>
    private async Task<CommandResult<HoldPlaced>?> TryHoldAsync(IAppDbContext db, Prepared p, ClientIdentity client, PlatformSettings current,
        DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await using var transaction = await db.BeginTransactionWithLockTimeoutAsync(ct);
            if (await HoldLimits.ProblemAsync(db, client, p.Event.Id, p.Tickets.Count, current, now, ct) is { } limit)
            {
                logger.LogWarning("Hold for event {EventId} refused by the hold limits: address {ClientAddress}, device {ClientDevice}", p.Event.Id,
                    client.Address, client.Device);
                return Fail(QuantitiesField, limit);
            }

            // The counters first, the order and its tickets after. Written the other way round, each
            // ticket's foreign-key check share-locked the ticket type's row that other holds were
            // updating, so PostgreSQL built a multixact on the hottest row for every hold, and once
            // in a 256-buyer bench run failed one with "new multixact has more than one updating
            // member" (XX000). Taking the row's update lock first makes the checks our own.
            var demand = CapacityDemand.From(p.Tickets.Select(t => t.Type.Id), p.SessionsByType);
            var (held, sessionsOfTypesNow) = await db.Capacity.TryHoldAsync(demand, ct);
            if (!held)
            {
                await transaction.RollbackAsync(ct);
                return null;
            }

            // The types' rows are locked now: if an organizer changed which sessions they include
            // since we read them, our session counts are wrong — give up instead of miscounting.
            if (!demand.ByTicketType.Keys.All(id => sessionsOfTypesNow[id].ToHashSet().SetEquals(p.SessionsByType.GetValueOrDefault(id, []))))
            {
                await transaction.RollbackAsync(ct);
                return Fail(QuantitiesField, UserMessages.Busy);
            }

            // The coupon's row too is updated before the order that refers to it is written.
            var order = NewOrder(p, client, now, current.HoldTime);
            if (p.Coupon is not null && await CouponRules.TryRedeemAsync(db, p.Coupon, order.Id, p.Buyer.Email, ct) is { } couponProblem)
            {
                await transaction.RollbackAsync(ct);
                return Fail(CouponField, couponProblem);
            }

            db.Orders.Add(order);
            audit.Add(db, p.Buyer.UserId, order.OrganizationId, AuditActions.OrderHeld, "Order", order.Id.ToString(),
                new OrderHeldDetails(order.Number, order.Tickets.Count, order.TotalMinor, order.Currency, order.CouponCode, order.HoldExpiresAt));
            await db.SaveChangesAsync(ct);

            db.Raise(new PlacesHeld(order.EventId, order.Id, order.Tickets.Count));
            await transaction.CommitAsync(ct);
            faults.Reached(FaultPoints.AfterHoldCommitted);
            logger.LogInformation("Hold {OrderNumber} placed: {Tickets} tickets for event {EventId}", order.Number, order.Tickets.Count,
                order.EventId);
            return CommandResult<HoldPlaced>.Success(new HoldPlaced(order.Id, order.AccessKey, order.HoldExpiresAt));
        }
        catch (Exception ex) when (databaseErrors.IsBusy(ex) || databaseErrors.IsUniqueViolation(ex))
        {
            logger.LogWarning(ex, "Hold for event {EventId} refused as busy", p.Event.Id);
            return Fail(QuantitiesField, UserMessages.Busy);
        }
    }

    private static Order NewOrder(Prepared p, ClientIdentity client, DateTimeOffset now, TimeSpan holdTime)
    {
        var inputs = p.Tickets.Select(t => new PricedTicketInput(t.Type.Id, t.UnitPrice)).ToList();
        var price = OrderPricing.Compute(inputs, p.Coupon, p.Fee);
        var order = new Order
        {
            Id = Guid.CreateVersion7(),
            Number = TicketCodes.NewOrderNumber(),
            AccessKey = TicketCodes.NewAccessKey(),
            EventId = p.Event.Id,
            OrganizationId = p.Event.OrganizationId,
            BuyerUserId = p.Buyer.UserId,
            BuyerName = p.Buyer.DisplayName,
            IsMemberPricing = p.Buyer.IsCustomerMember,
            Status = OrderStatus.Pending,
            Currency = p.Tickets[0].Type.Currency,
            SubtotalMinor = price.SubtotalMinor,
            DiscountMinor = price.DiscountMinor,
            FeeMinor = price.FeeMinor,
            FeePassedToBuyer = p.Fee.PassedToBuyer,
            TotalMinor = price.TotalMinor,
            CouponId = p.Coupon?.Id,
            CouponCode = p.Coupon?.Code,
            HoldExpiresAt = now + holdTime,
            CreatedAt = now,
            ClientAddress = client.Address,
            ClientDevice = client.Device,
        };
        order.SetBuyerEmail(p.Buyer.Email);
        for (var i = 0; i < p.Tickets.Count; i++)
        {
            order.Tickets.Add(new Ticket
            {
                Id = Guid.CreateVersion7(),
                OrderId = order.Id,
                EventId = order.EventId,
                TicketTypeId = p.Tickets[i].Type.Id,
                TicketTypeName = p.Tickets[i].Type.Name,
                Code = TicketCodes.NewTicketCode(),
                Status = TicketStatus.Reserved,
                UnitPriceMinor = p.Tickets[i].UnitPrice,
                DiscountMinor = price.TicketDiscounts[i],
                FeeMinor = price.TicketFees[i],
                Position = i + 1,
            });
        }

        return order;
    }

    private static CommandResult<HoldPlaced> Fail(string field, string message) =>
        CommandResult<HoldPlaced>.Failure(new ValidationFailure(field, message));

    private static string Format(string template, object value) => string.Format(CultureInfo.InvariantCulture, template, value);
}
