using EventPlatform.Core.Accounts;
using EventPlatform.Core.Accounts.MagicLinks;
using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog;
using EventPlatform.Core.CheckIn;
using EventPlatform.Core.Common.Database;
using EventPlatform.Core.Common.Events;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Holds;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Payments;
using EventPlatform.Core.Reporting;
using EventPlatform.Core.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace EventPlatform.Core.Common;

/// <summary>
/// The data-access seam use cases work against. The Data project implements it with the
/// PostgreSQL DbContext. Create one per operation through <see cref="IAppDbContextFactory"/>;
/// never keep one for the life of a circuit.
/// </summary>
/// <remarks>
/// Use cases query the DbSets with LINQ; what LINQ cannot say portably — conditional counter
/// updates, row locks, atomic inserts — sits behind the interfaces below, implemented by Data for
/// PostgreSQL (docs/decisions/0004-data-seam.md). No SQL is written in Core.
/// </remarks>
public interface IAppDbContext : IAsyncDisposable
{
    DbSet<ApplicationUser> Users { get; }
    DbSet<IdentityRole<Guid>> Roles { get; }
    DbSet<IdentityUserRole<Guid>> UserRoles { get; }
    DbSet<Organization> Organizations { get; }
    DbSet<OrganizationMember> OrganizationMembers { get; }
    DbSet<Organizations.Pages.ContentPage> ContentPages { get; }
    DbSet<Notifications.Templates.EmailTemplate> EmailTemplates { get; }
    DbSet<Messaging.AttendeeMessage> AttendeeMessages { get; }
    DbSet<Messaging.Reminders.ReminderRule> ReminderRules { get; }
    DbSet<Messaging.Reminders.ReminderDelivery> ReminderDeliveries { get; }
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

    /// <summary>The sold and held counters of sessions and ticket types, in this context's transaction.</summary>
    ICapacityLedger Capacity { get; }

    /// <summary>Row and named locks, taken in this context's transaction.</summary>
    IRowLocks Locks { get; }

    /// <summary>Writes that parallel callers race for, decided by the database in one statement.</summary>
    IAtomicWrites Atomic { get; }

    /// <summary>Sales and refunds by local calendar day, for the dashboards.</summary>
    ISalesByDay SalesByDay { get; }

    /// <summary>
    /// Begins a transaction in which a lock wait longer than <see cref="LockTimeout.Purchase"/> fails
    /// (as busy, see <see cref="IDatabaseErrors"/>) instead of queueing: the transactions a buyer or
    /// organizer waits on while they lock orders, coupons or the capacity counters begin here (the
    /// background workers' transactions skip locked rows instead, or may wait).
    /// </summary>
    Task<IDbContextTransaction> BeginTransactionWithLockTimeoutAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Raises a domain event of the change being made: it is delivered to the after-commit handlers
    /// when this context's transaction commits (or, outside a transaction, when the next
    /// <see cref="SaveChangesAsync"/> succeeds), and dropped when it rolls back.
    /// </summary>
    void Raise(IDomainEvent domainEvent);

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

/// <summary>Creates a short-lived <see cref="IAppDbContext"/> for one operation.</summary>
public interface IAppDbContextFactory
{
    Task<IAppDbContext> CreateAsync(CancellationToken cancellationToken = default);
}
