using System.Globalization;
using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Events;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Core.Catalog.Management;

/// <summary>A ticket type as the organizer edits it. Prices in minor units.</summary>
public sealed record TicketTypeDetails
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<Guid> SessionIds { get; init; } = [];
    public long PriceMinor { get; init; }
    /// <summary>Null = the organization's default currency.</summary>
    public string? Currency { get; init; }
    public long? MemberPriceMinor { get; init; }
    public long? EarlyBirdPriceMinor { get; init; }
    public DateTimeOffset? EarlyBirdUntil { get; init; }
    public int? EarlyBirdQuantity { get; init; }
    public int? QuantityCap { get; init; }
    public int MinPerOrder { get; init; } = 1;
    /// <summary>Null = the platform setting (10 by default).</summary>
    public int? MaxPerOrder { get; init; }
    public DateTimeOffset? SalesStartAt { get; init; }
    /// <summary>Null = when the first included session starts.</summary>
    public DateTimeOffset? SalesEndAt { get; init; }
    public TicketVisibility Visibility { get; init; } = TicketVisibility.Public;
    public int SortOrder { get; init; }
    public bool IsActive { get; init; } = true;

    public IReadOnlyList<ValidationFailure> Validate()
    {
        var errors = new List<ValidationFailure>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 200)
        {
            errors.Add(new(nameof(Name), UserMessages.TicketNameRequired));
        }

        if (SessionIds.Count == 0)
        {
            errors.Add(new(nameof(SessionIds), UserMessages.AtLeastOneSession));
        }

        if (PriceMinor < 0)
        {
            errors.Add(new(nameof(PriceMinor), UserMessages.PriceNotNegative));
        }

        if (MemberPriceMinor < 0)
        {
            errors.Add(new(nameof(MemberPriceMinor), UserMessages.PriceNotNegative));
        }

        if (EarlyBirdPriceMinor < 0)
        {
            errors.Add(new(nameof(EarlyBirdPriceMinor), UserMessages.PriceNotNegative));
        }
        else if (EarlyBirdPriceMinor is not null && EarlyBirdUntil is null && EarlyBirdQuantity is null)
        {
            errors.Add(new(nameof(EarlyBirdPriceMinor), UserMessages.EarlyBirdIncomplete));
        }

        if (Currency is not null && !Money.IsValidCurrency(Currency))
        {
            errors.Add(new(nameof(Currency), UserMessages.CurrencyInvalid));
        }

        if (QuantityCap is < 1)
        {
            errors.Add(new(nameof(QuantityCap), UserMessages.QuantityCapPositive));
        }

        if (MinPerOrder < 1)
        {
            errors.Add(new(nameof(MinPerOrder), UserMessages.MinPerOrderPositive));
        }
        else if (MaxPerOrder is { } max && MinPerOrder > max)
        {
            errors.Add(new(nameof(MinPerOrder), UserMessages.MinAboveMax));
        }

        if (SalesStartAt is { } start && SalesEndAt is { } end && end <= start)
        {
            errors.Add(new(nameof(SalesEndAt), UserMessages.SalesEndAfterStart));
        }

        return errors;
    }

    public static TicketTypeDetails From(TicketType source) => new()
    {
        Name = source.Name,
        Description = source.Description,
        SessionIds = source.Sessions.Select(s => s.SessionId).ToList(),
        PriceMinor = source.PriceMinor,
        Currency = source.Currency,
        MemberPriceMinor = source.MemberPriceMinor,
        EarlyBirdPriceMinor = source.EarlyBirdPriceMinor,
        EarlyBirdUntil = source.EarlyBirdUntil,
        EarlyBirdQuantity = source.EarlyBirdQuantity,
        QuantityCap = source.QuantityCap,
        MinPerOrder = source.MinPerOrder,
        MaxPerOrder = source.MaxPerOrder,
        SalesStartAt = source.SalesStartAt,
        SalesEndAt = source.SalesEndAt,
        Visibility = source.Visibility,
        SortOrder = source.SortOrder,
        IsActive = source.IsActive,
    };
}

/// <summary>Adds, changes and deletes ticket types. A type with sales is only ever deactivated.</summary>
public sealed class SaveTicketType(IAppDbContextFactory dbFactory, CatalogAccess catalogAccess, ISettingsService settings, AuditTrail audit)
{
    public async Task<CommandResult<Guid>> AddAsync(Guid eventId, TicketTypeDetails details, CancellationToken ct = default) =>
        await SaveAsync(eventId, ticketTypeId: null, details, ct);

    public async Task<CommandResult<Guid>> UpdateAsync(Guid ticketTypeId, TicketTypeDetails details, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var eventId = await db.TicketTypes.Where(t => t.Id == ticketTypeId).Select(t => (Guid?)t.EventId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        return await SaveAsync(eventId, ticketTypeId, details, ct);
    }

    private async Task<CommandResult<Guid>> SaveAsync(Guid eventId, Guid? ticketTypeId, TicketTypeDetails details, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var grant = await catalogAccess.RequireEventAsync(db, eventId, OrgRole.Manager, ct);
        var errors = details.Validate().ToList();
        var sessions = await db.Sessions.Where(s => s.EventId == eventId && details.SessionIds.Contains(s.Id)).OrderBy(s => s.StartsAt)
            .ToListAsync(ct);
        if (details.SessionIds.Count > 0 && sessions.Count != details.SessionIds.Distinct().Count())
        {
            // Ids of another event's sessions (or made up) are treated as not chosen.
            errors.Add(new(nameof(TicketTypeDetails.SessionIds), UserMessages.AtLeastOneSession));
        }

        var salesEnd = details.SalesEndAt ?? sessions.FirstOrDefault()?.StartsAt;
        if (details.SalesStartAt is { } start && salesEnd is { } end && end <= start
            && !errors.Any(e => e.Field == nameof(TicketTypeDetails.SalesEndAt)))
        {
            errors.Add(new(nameof(TicketTypeDetails.SalesEndAt), UserMessages.SalesEndAfterStart));
        }

        if (errors.Count > 0)
        {
            return CommandResult<Guid>.Failure(errors);
        }

        var maxPerOrder = details.MaxPerOrder ?? (await settings.GetAsync(ct)).MaxTicketsPerOrder;
        if (details.MinPerOrder > maxPerOrder)
        {
            return CommandResult<Guid>.Failure(new ValidationFailure(nameof(TicketTypeDetails.MinPerOrder), UserMessages.MinAboveMax));
        }

        var currency = details.Currency ?? await db.Events.Where(e => e.Id == eventId)
            .Join(db.Organizations, e => e.OrganizationId, o => o.Id, (e, o) => o.DefaultCurrency).SingleAsync(ct);

        await using var transaction = await db.BeginTransactionWithLockTimeoutAsync(ct);
        TicketType type;
        if (ticketTypeId is null)
        {
            type = new TicketType { Id = Guid.CreateVersion7(), EventId = eventId, Name = "", Currency = currency };
            db.TicketTypes.Add(type);
        }
        else
        {
            type = await db.TicketTypes.Include(t => t.Sessions).SingleAsync(t => t.Id == ticketTypeId, ct);
            var linksChange = !type.Sessions.Select(s => s.SessionId).ToHashSet().SetEquals(details.SessionIds);
            // Counters are changed through the sessions a type includes, so those are fixed once a
            // place is sold or held. The no-op update takes the row lock a purchase also takes, so
            // no hold can slip in between this check and the commit (PlaceHold re-checks the links).
            if (linksChange && await db.TicketTypes.Where(t => t.Id == ticketTypeId && t.Taken == 0)
                    .ExecuteUpdateAsync(set => set.SetProperty(t => t.Taken, t => t.Taken), ct) == 0)
            {
                return CommandResult<Guid>.Failure(new ValidationFailure(nameof(TicketTypeDetails.SessionIds), UserMessages.SessionsFixedAfterSales));
            }

            if (details.QuantityCap is { } cap && cap < type.Taken)
            {
                return CommandResult<Guid>.Failure(new ValidationFailure(nameof(TicketTypeDetails.QuantityCap),
                    string.Format(CultureInfo.InvariantCulture, UserMessages.QuantityCapBelowSold, type.Taken)));
            }
        }

        type.Name = details.Name!.Trim();
        type.Description = string.IsNullOrWhiteSpace(details.Description) ? null : details.Description.Trim();
        type.PriceMinor = details.PriceMinor;
        type.Currency = currency;
        type.MemberPriceMinor = details.MemberPriceMinor;
        type.EarlyBirdPriceMinor = details.EarlyBirdPriceMinor;
        type.EarlyBirdUntil = details.EarlyBirdUntil?.ToUniversalTime();
        type.EarlyBirdQuantity = details.EarlyBirdQuantity;
        type.QuantityCap = details.QuantityCap;
        type.MinPerOrder = details.MinPerOrder;
        type.MaxPerOrder = maxPerOrder;
        type.SalesStartAt = details.SalesStartAt?.ToUniversalTime();
        type.SalesEndAt = salesEnd!.Value.ToUniversalTime();
        type.Visibility = details.Visibility;
        type.SortOrder = details.SortOrder;
        type.IsActive = details.IsActive;
        type.Sessions.RemoveAll(s => !details.SessionIds.Contains(s.SessionId));
        foreach (var session in sessions.Where(s => type.Sessions.All(x => x.SessionId != s.Id)))
        {
            type.Sessions.Add(new TicketTypeSession { TicketTypeId = type.Id, SessionId = session.Id });
        }

        audit.Add(db, grant.UserId, grant.OrganizationId, ticketTypeId is null ? AuditActions.TicketTypeCreated : AuditActions.TicketTypeUpdated,
            "TicketType", type.Id.ToString(),
            new TicketTypeSavedDetails(type.Name, type.PriceMinor, type.Currency, sessions.Select(s => s.Code).ToList()));
        db.Raise(new CatalogChanged(eventId));
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException) when (ticketTypeId is not null)
        {
            // A sale moved the counters past the new cap between our read and the write (the check constraint refused).
            return CommandResult<Guid>.Failure(new ValidationFailure(nameof(TicketTypeDetails.QuantityCap), UserMessages.QuantityCapRaced));
        }

        return CommandResult<Guid>.Success(type.Id);
    }
}
