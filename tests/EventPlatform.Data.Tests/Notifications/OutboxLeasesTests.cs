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
    public async Task ParallelWorkers_ClaimDisjointEmails_AndTogetherClaimAll()
    {
        var now = _services.Clock.GetUtcNow();
        await EnqueueAsync(60, now);
        var leases = _services.Get<IOutboxLeases>();

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            IReadOnlyList<Guid> batch;
            do
            {
                batch = await leases.ClaimDueEmailsAsync(7, now, now.AddMinutes(2), CancellationToken.None);
                mine.AddRange(batch);
            }
            while (batch.Count > 0);
            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(60, all.Count);
        Assert.Equal(60, all.Distinct().Count());
    }

    [Fact]
    public async Task LeasedEmail_IsNotClaimedAgain_UntilItsLeaseRunsOut()
    {
        var now = _services.Clock.GetUtcNow().AddDays(1);
        await using (var db = await _services.Db.CreateAsync())
        {
            await db.OutboxEmails.ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, OutboxEmailStatus.Sent));
        }

        await EnqueueAsync(1, now);
        var leases = _services.Get<IOutboxLeases>();

        Assert.Single(await leases.ClaimDueEmailsAsync(10, now, now.AddMinutes(2), CancellationToken.None));
        Assert.Empty(await leases.ClaimDueEmailsAsync(10, now.AddMinutes(1), now.AddMinutes(3), CancellationToken.None));
        Assert.Single(await leases.ClaimDueEmailsAsync(10, now.AddMinutes(3), now.AddMinutes(5), CancellationToken.None));
    }

    [Fact]
    public async Task EmailNotYetDue_IsNotClaimed()
    {
        var now = _services.Clock.GetUtcNow().AddDays(2);
        await using (var db = await _services.Db.CreateAsync())
        {
            await db.OutboxEmails.ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, OutboxEmailStatus.Sent));
        }

        await EnqueueAsync(1, now.AddMinutes(5));
        Assert.Empty(await _services.Get<IOutboxLeases>().ClaimDueEmailsAsync(10, now, now.AddMinutes(2), CancellationToken.None));
    }
}
