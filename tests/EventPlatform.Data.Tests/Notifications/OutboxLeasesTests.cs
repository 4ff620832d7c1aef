using EventPlatform.Core.Common;
using EventPlatform.Core.Notifications;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data.Tests.Notifications;

public sealed class OutboxLeasesTests : IAsyncLifetime
{
    private CoreServices _services = default!;

    public async Task InitializeAsync() => _services = await CoreServices.CreateAsync("leases");

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task EnqueueAsync(int count, DateTimeOffset now)
    {
        await using var db = await _services.Db.CreateAsync();
        for (var i = 0; i < count; i++)
        {
            EmailOutbox.Enqueue(db, new EmailMessage($"n{i}@example.com", "s", "<p>h</p>", "t", "test"), now);
        }

        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task ParallelSenders_TakeDisjointEmails_AndTogetherTakeAll()
    {
        var now = _services.Clock.GetUtcNow();
        await EnqueueAsync(24, now);
        var leases = _services.Get<IOutboxLeases>();

        // Four senders, each holding every email it takes locked until the end (as a slow send would).
        var open = new List<(IAppDbContext Db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction Tx)>();
        var taken = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            while (true)
            {
                var db = await _services.Db.CreateAsync();
                var tx = await db.Database.BeginTransactionAsync();
                lock (open)
                {
                    open.Add((db, tx));
                }

                if (await leases.LockNextDueAsync(db, now, CancellationToken.None) is not { } id)
                {
                    return mine;
                }

                mine.Add(id);
            }
        })));

        foreach (var (db, tx) in open)
        {
            await tx.DisposeAsync();
            await db.DisposeAsync();
        }

        var all = taken.SelectMany(c => c).ToList();
        Assert.Equal(24, all.Count);
        Assert.Equal(24, all.Distinct().Count());
    }

    [Fact]
    public async Task AnEmailBeingSent_IsSkipped_AndIsFreeTheMomentItsSendersConnectionEnds()
    {
        var now = _services.Clock.GetUtcNow().AddDays(1);
        await using (var db = await _services.Db.CreateAsync())
        {
            await db.OutboxEmails.ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, OutboxEmailStatus.Sent));
        }

        await EnqueueAsync(1, now);
        var leases = _services.Get<IOutboxLeases>();
        var sender = await _services.Db.CreateAsync();
        var sending = await sender.Database.BeginTransactionAsync();
        Assert.NotNull(await leases.LockNextDueAsync(sender, now, CancellationToken.None));

        await using (var other = await _services.Db.CreateAsync())
        {
            await using var tx = await other.Database.BeginTransactionAsync();
            Assert.Null(await leases.LockNextDueAsync(other, now, CancellationToken.None));
        }

        // The sender dies mid-send (its connection closes, as when the process is killed): no lease to wait out.
        await sending.DisposeAsync();
        await sender.DisposeAsync();
        await using (var other = await _services.Db.CreateAsync())
        {
            await using var tx = await other.Database.BeginTransactionAsync();
            Assert.NotNull(await leases.LockNextDueAsync(other, now, CancellationToken.None));
        }
    }

    [Fact]
    public async Task EmailNotYetDue_IsNotTaken()
    {
        var now = _services.Clock.GetUtcNow().AddDays(2);
        await using (var db = await _services.Db.CreateAsync())
        {
            await db.OutboxEmails.ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, OutboxEmailStatus.Sent));
        }

        await EnqueueAsync(1, now.AddMinutes(5));
        await using var reader = await _services.Db.CreateAsync();
        await using var transaction = await reader.Database.BeginTransactionAsync();
        Assert.Null(await _services.Get<IOutboxLeases>().LockNextDueAsync(reader, now, CancellationToken.None));
    }
}
