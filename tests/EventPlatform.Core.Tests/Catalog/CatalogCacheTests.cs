using EventPlatform.Core.Catalog.Browsing;
using Microsoft.Extensions.Time.Testing;

namespace EventPlatform.Core.Tests.Catalog;

public class CatalogCacheTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private int _reads;

    private Task<string> ReadAsync(string value)
    {
        _reads++;
        return Task.FromResult(value);
    }

    [Fact]
    public async Task GetOrRead_WithinLifetime_ReadsOnce()
    {
        var cache = new CatalogCache(_clock);

        await cache.GetOrReadAsync("home", () => ReadAsync("first"));
        _clock.Advance(CatalogCache.Lifetime - TimeSpan.FromSeconds(1));
        var second = await cache.GetOrReadAsync("home", () => ReadAsync("second"));

        Assert.Equal("first", second);
        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task GetOrRead_AfterLifetime_ReadsAgain()
    {
        var cache = new CatalogCache(_clock);

        await cache.GetOrReadAsync("home", () => ReadAsync("first"));
        _clock.Advance(CatalogCache.Lifetime);

        Assert.Equal("second", await cache.GetOrReadAsync("home", () => ReadAsync("second")));
    }

    [Fact]
    public async Task GetOrRead_AfterInvalidate_ReadsAgain()
    {
        var cache = new CatalogCache(_clock);

        await cache.GetOrReadAsync("home", () => ReadAsync("first"));
        cache.Invalidate();

        Assert.Equal("second", await cache.GetOrReadAsync("home", () => ReadAsync("second")));
    }

    [Fact]
    public async Task GetOrRead_WhenTheCatalogChangesDuringTheRead_DoesNotKeepTheOutdatedAnswer()
    {
        var cache = new CatalogCache(_clock);

        await cache.GetOrReadAsync("home", () =>
        {
            cache.Invalidate(); // an organizer publishes while the listing is being read
            return ReadAsync("before the change");
        });

        Assert.Equal("after the change", await cache.GetOrReadAsync("home", () => ReadAsync("after the change")));
    }

    [Fact]
    public async Task GetOrRead_KeepsEachQueryApart()
    {
        var cache = new CatalogCache(_clock);

        await cache.GetOrReadAsync("search|jazz", () => ReadAsync("jazz results"));

        Assert.Equal("rock results", await cache.GetOrReadAsync("search|rock", () => ReadAsync("rock results")));
    }

    [Fact]
    public async Task GetOrRead_CallersThatMissTogether_ShareOneRead()
    {
        var cache = new CatalogCache(_clock);
        var gate = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowReads = 0;

        var callers = Enumerable.Range(0, 16).Select(_ => cache.GetOrReadAsync("home", () =>
        {
            Interlocked.Increment(ref slowReads);
            return gate.Task;
        })).ToList();
        gate.SetResult("one answer");

        Assert.All(await Task.WhenAll(callers), answer => Assert.Equal("one answer", answer));
        Assert.Equal(1, slowReads);
    }

    [Fact]
    public async Task GetOrRead_WhenTheSharedReadFails_WaitersReadOnTheirOwn_AndNothingIsKept()
    {
        var cache = new CatalogCache(_clock);
        var gate = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        var failing = cache.GetOrReadAsync("home", () => gate.Task);
        var waiting = cache.GetOrReadAsync("home", () => ReadAsync("read by the waiter"));
        gate.SetException(new TimeoutException("the database went away"));

        await Assert.ThrowsAsync<TimeoutException>(() => failing);
        Assert.Equal("read by the waiter", await waiting);
        Assert.Equal("read afterwards", await cache.GetOrReadAsync("home", () => ReadAsync("read afterwards")));
        Assert.Equal(2, _reads);
    }
}
