using EventPlatform.Core.Accounts;
using EventPlatform.Core.Accounts.MagicLinks;
using EventPlatform.Core.Auditing;
using EventPlatform.Core.Catalog;
using EventPlatform.Core.CheckIn;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Database;
using EventPlatform.Core.Common.Events;
using EventPlatform.Core.Notifications;
using EventPlatform.Core.Ordering;
using EventPlatform.Core.Ordering.Holds;
using EventPlatform.Core.Organizations;
using EventPlatform.Core.Payments;
using EventPlatform.Core.Reporting;
using EventPlatform.Core.Settings;
using EventPlatform.Data.Common.Database;
using EventPlatform.Data.Common.Events;
using EventPlatform.Data.Ordering;
using EventPlatform.Data.Reporting;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EventPlatform.Data;

/// <summary>
/// The PostgreSQL database of EventPlatform: Identity, organizations, outbox, audit, settings and
/// Data Protection keys. Table and column names are snake_case; enums are stored as strings.
/// </summary>
/// <remarks>
/// Add a migration from the repository root:
/// <c>dotnet ef migrations add DescriptiveName --project EventPlatform.Data --startup-project EventPlatform.Data</c>
/// (the design-time factory in this project needs no running database).
/// </remarks>
public sealed class EventPlatformDbContext(DbContextOptions<EventPlatformDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options), IAppDbContext, IDataProtectionKeyContext
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationMember> OrganizationMembers => Set<OrganizationMember>();
    public DbSet<Core.Organizations.Pages.ContentPage> ContentPages => Set<Core.Organizations.Pages.ContentPage>();
    public DbSet<Core.Notifications.Templates.EmailTemplate> EmailTemplates => Set<Core.Notifications.Templates.EmailTemplate>();
    public DbSet<Core.Messaging.AttendeeMessage> AttendeeMessages => Set<Core.Messaging.AttendeeMessage>();
    public DbSet<Core.Messaging.Reminders.ReminderRule> ReminderRules => Set<Core.Messaging.Reminders.ReminderRule>();
    public DbSet<Core.Messaging.Reminders.ReminderDelivery> ReminderDeliveries => Set<Core.Messaging.Reminders.ReminderDelivery>();
    public DbSet<MagicLinkToken> MagicLinkTokens => Set<MagicLinkToken>();
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();
    public DbSet<EmailDeliveryAttempt> EmailDeliveryAttempts => Set<EmailDeliveryAttempt>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<PlatformSetting> PlatformSettings => Set<PlatformSetting>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<TicketType> TicketTypes => Set<TicketType>();
    public DbSet<TicketTypeSession> TicketTypeSessions => Set<TicketTypeSession>();
    public DbSet<CustomerMember> CustomerMembers => Set<CustomerMember>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<Coupon> Coupons => Set<Coupon>();
    public DbSet<EventQuestion> EventQuestions => Set<EventQuestion>();
    public DbSet<ProcessedPaymentEvent> ProcessedPaymentEvents => Set<ProcessedPaymentEvent>();
    public DbSet<OrderRefund> OrderRefunds => Set<OrderRefund>();
    public DbSet<SimulatedPaymentIntent> SimulatedPaymentIntents => Set<SimulatedPaymentIntent>();
    public DbSet<SimulatedRefund> SimulatedRefunds => Set<SimulatedRefund>();
    public DbSet<SimulatedWebhookEvent> SimulatedWebhookEvents => Set<SimulatedWebhookEvent>();
    public DbSet<OutboxEmailAttachment> OutboxEmailAttachments => Set<OutboxEmailAttachment>();
    public DbSet<CheckInRecord> CheckIns => Set<CheckInRecord>();
    public DbSet<Kiosk> Kiosks => Set<Kiosk>();
    public DbSet<AttemptCounter> AttemptCounters => Set<AttemptCounter>();

    // SET LOCAL: the timeout ends with the transaction, so a pooled connection does not keep it.
    private static readonly string LockTimeoutSql = $"SET LOCAL lock_timeout = '{(int)LockTimeout.Purchase.TotalMilliseconds}ms'";

    // Created once per context instance and kept across pool leases: they hold nothing but the context.
    private ICapacityLedger? _capacity;
    private IRowLocks? _locks;
    private IAtomicWrites? _atomic;
    private ISalesByDay? _salesByDay;

    public ICapacityLedger Capacity => _capacity ??= new PostgresCapacityLedger(this);

    public IRowLocks Locks => _locks ??= new PostgresRowLocks(this);

    public IAtomicWrites Atomic => _atomic ??= new PostgresAtomicWrites(this);

    public ISalesByDay SalesByDay => _salesByDay ??= new PostgresSalesByDay(this);

    /// <summary>The domain events raised in this context, delivered after commit by <see cref="AfterCommitInterceptor"/>.</summary>
    internal RaisedEvents Raised { get; } = new();

    public void Raise(IDomainEvent domainEvent) => Raised.Raise(domainEvent);

    public async Task<IDbContextTransaction> BeginTransactionWithLockTimeoutAsync(CancellationToken cancellationToken = default)
    {
        var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await Database.ExecuteSqlRawAsync(LockTimeoutSql, cancellationToken);
        return transaction;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(EventPlatformDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL, and reordering an enum cannot corrupt data.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
