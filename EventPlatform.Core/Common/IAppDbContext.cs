using EventPlatform.Core.Accounts;
using EventPlatform.Core.Accounts.MagicLinks;
using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog;
using EventPlatform.Core.CheckIn;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Payments;
using EventPlatform.Core.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EventPlatform.Core.Common;

/// <summary>
/// The data-access seam use cases work against. The Data project implements it with the
/// PostgreSQL DbContext. Create one per operation through <see cref="IAppDbContextFactory"/>;
/// never keep one for the life of a circuit.
/// </summary>
public interface IAppDbContext : IAsyncDisposable
{
    DbSet<ApplicationUser> Users { get; }
    DbSet<IdentityRole<Guid>> Roles { get; }
    DbSet<IdentityUserRole<Guid>> UserRoles { get; }
    DbSet<Organization> Organizations { get; }
    DbSet<OrganizationMember> OrganizationMembers { get; }
    DbSet<MagicLinkToken> MagicLinkTokens { get; }
    DbSet<OutboxEmail> OutboxEmails { get; }
    DbSet<EmailDeliveryAttempt> EmailDeliveryAttempts { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<PlatformSetting> PlatformSettings { get; }
    DbSet<Event> Events { get; }
    DbSet<Session> Sessions { get; }
    DbSet<TicketType> TicketTypes { get; }
    DbSet<TicketTypeSession> TicketTypeSessions { get; }
    DbSet<CustomerMember> CustomerMembers { get; }
    DbSet<Order> Orders { get; }
    DbSet<Ticket> Tickets { get; }
    DbSet<Coupon> Coupons { get; }
    DbSet<EventQuestion> EventQuestions { get; }
    DbSet<ProcessedPaymentEvent> ProcessedPaymentEvents { get; }
    DbSet<OrderRefund> OrderRefunds { get; }
    DbSet<SimulatedPaymentIntent> SimulatedPaymentIntents { get; }
    DbSet<SimulatedRefund> SimulatedRefunds { get; }
    DbSet<SimulatedWebhookEvent> SimulatedWebhookEvents { get; }
    DbSet<OutboxEmailAttachment> OutboxEmailAttachments { get; }
    DbSet<CheckInRecord> CheckIns { get; }
    DbSet<Kiosk> Kiosks { get; }
    DbSet<AttemptCounter> AttemptCounters { get; }
    DatabaseFacade Database { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

/// <summary>Creates a short-lived <see cref="IAppDbContext"/> for one operation.</summary>
public interface IAppDbContextFactory
{
    Task<IAppDbContext> CreateAsync(CancellationToken cancellationToken = default);
}
