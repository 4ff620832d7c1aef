using EventPlatform.Core.Auditing;
using EventPlatform.Core.Common;
using EventPlatform.Core.Common.Events;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventPlatform.Data.Tests.Common;

/// <summary>
/// Domain events raised inside a transaction reach the handlers after the commit — when the change
/// can be read by anyone — and never for a change that was rolled back.
/// </summary>
public sealed class AfterCommitEventsTests : IAsyncLifetime
{
    private readonly Recorder _recorder = new();
    private CoreServices _services = default!;

    public async Task InitializeAsync()
    {
        _services = await CoreServices.CreateAsync("aftercommit", s => s.AddSingleton<IAfterCommitHandler>(_recorder));
        _recorder.Database = _services.Db;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task RaisedInATransaction_IsDeliveredAfterTheCommit_WithTheChangeVisible()
    {
        var eventId = Guid.NewGuid();
        await using var db = await _services.Db.CreateAsync();
        Guid auditId;
        await using (var transaction = await db.BeginTransactionWithLockTimeoutAsync())
        {
            auditId = _services.Get<AuditTrail>().Add(db, null, null, new AuditAction("test.changed")).Id;
            db.Raise(new EventPageChanged(eventId));
            await db.SaveChangesAsync();
            Assert.Empty(_recorder.Delivered); // saved, not committed

            await transaction.CommitAsync();
        }

        var delivery = Assert.Single(_recorder.Delivered);
        Assert.Equal(new EventPageChanged(eventId), Assert.Single(delivery.Events));
        Assert.Contains(auditId, delivery.AuditIdsVisible); // read by another connection while handling
    }

    [Fact]
    public async Task RaisedOnAConnectionKeptOpen_IsDeliveredWhenTheUseCaseClosesIt()
    {
        // PlaceHold keeps one connection for its read and its transaction (OpenConnection.KeepOpenAsync).
        var eventId = Guid.NewGuid();
        await using var db = await _services.Db.CreateAsync();
        await using (await Core.Common.Database.OpenConnection.KeepOpenAsync(db, default))
        {
            await using (var transaction = await db.BeginTransactionWithLockTimeoutAsync())
            {
                _services.Get<AuditTrail>().Add(db, null, null, new AuditAction("test.kept-open"));
                db.Raise(new EventPageChanged(eventId));
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }

            Assert.Empty(_recorder.Delivered); // committed, and the connection is still the use case's
        }

        Assert.Equal([new EventPageChanged(eventId)], Assert.Single(_recorder.Delivered).Events);
    }

    [Fact]
    public async Task RaisedInATransactionRolledBack_IsNeverDelivered_NotEvenByTheNextCommit()
    {
        await using var db = await _services.Db.CreateAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Raise(new EventPageChanged(Guid.NewGuid()));
            await transaction.RollbackAsync();
        }

        var later = new EventPageChanged(Guid.NewGuid());
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Raise(later);
            await transaction.CommitAsync();
        }

        Assert.Equal([later], Assert.Single(_recorder.Delivered).Events);
    }

    [Fact]
    public async Task RaisedBeforeASaveWithoutTransaction_IsDeliveredWhenTheSaveReturns()
    {
        await using var db = await _services.Db.CreateAsync();
        var auditId = _services.Get<AuditTrail>().Add(db, null, null, new AuditAction("test.saved")).Id; // one statement: EF opens no transaction
        db.Raise(new CatalogChanged(EventId: null));
        await db.SaveChangesAsync();

        var delivery = Assert.Single(_recorder.Delivered);
        Assert.Equal([new CatalogChanged(null)], delivery.Events);
        Assert.Contains(auditId, delivery.AuditIdsVisible);
    }

    [Fact]
    public async Task AFailingHandler_DoesNotFailTheChange()
    {
        _recorder.FailNext = true;
        await using var db = await _services.Db.CreateAsync();
        db.Raise(new EventPageChanged(Guid.NewGuid()));
        _services.Get<AuditTrail>().Add(db, null, null, new AuditAction("test.saved"));

        await db.SaveChangesAsync(); // does not throw

        Assert.Single(_recorder.Delivered);
    }

    private sealed class Recorder : IAfterCommitHandler
    {
        private readonly List<(IReadOnlyList<IDomainEvent> Events, Guid[] AuditIdsVisible)> _delivered = [];

        public IReadOnlyList<(IReadOnlyList<IDomainEvent> Events, Guid[] AuditIdsVisible)> Delivered => _delivered;

        public bool FailNext { get; set; }

        public IAppDbContextFactory Database { get; set; } = default!;

        public async Task HandleAsync(IReadOnlyList<IDomainEvent> committed, CancellationToken ct)
        {
            // What another connection reads while the events are handled: committed data only.
            await using var other = await Database.CreateAsync(ct);
            _delivered.Add((committed, await other.AuditEntries.Select(a => a.Id).ToArrayAsync(ct)));
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("a handler that fails");
            }
        }
    }
}
