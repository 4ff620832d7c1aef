using System.Collections.Concurrent;
using System.Diagnostics;
using EventPlatform.Core.Catalog.Browsing;

namespace EventPlatform.Bench;

/// <summary>A page the scenario requests, and a text it must contain to count (the page of an error says nothing useful).</summary>
internal sealed record BenchPage(string Name, string Path, string MustContain);

/// <summary>
/// One measurement: the median and 95th percentile of the requests' times, how many were served a
/// second, the CPU the bench (load generator, app and database) used per request, and the size of
/// the page (UTF-16 characters of its HTML, about its bytes).
/// </summary>
internal sealed record Timing(double MedianMs, double P95Ms, double PerSecond, double CpuMsPerRequest, int PageChars);

/// <summary>
/// Plain HTTP GETs of prerendered pages through Kestrel (no browser, no circuit). The time is the
/// client's, from sending the request to the last byte of the body, on loopback: the server's time
/// plus a little HTTP.
/// </summary>
internal sealed class PageTimings(BenchHost host, BenchWebApp app) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };

    /// <summary>Every page in turn, for at least 20 rounds and <paramref name="duration"/>.</summary>
    public async Task WarmUpAsync(IReadOnlyList<BenchPage> pages, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < 20 || clock.Elapsed < duration; round++)
        {
            foreach (var page in pages)
            {
                await GetAsync(page);
            }
        }
    }

    /// <summary><paramref name="clients"/> clients, each requesting the page <paramref name="requestsPerClient"/> times back to back.</summary>
    public async Task<Timing> MeasureAsync(BenchPage page, int clients, int requestsPerClient)
    {
        var times = new ConcurrentBag<(double Ms, int Chars)>();
        var cpu = new OwnCpuMeter(host);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < requestsPerClient; i++)
            {
                times.Add(await GetAsync(page));
            }
        })));
        return Summarize(times.ToList(), cpu.Stop());
    }

    /// <summary>
    /// One client, the catalog cache emptied before each request (as after a catalog change, or
    /// every 15 seconds per listing): every request ranks the catalog itself.
    /// </summary>
    public async Task<Timing> MeasureColdAsync(BenchPage page, int requests)
    {
        var times = new List<(double Ms, int Chars)>();
        var cpu = new OwnCpuMeter(host);
        for (var i = 0; i < requests; i++)
        {
            EmptyCatalogCache();
            times.Add(await GetAsync(page));
        }

        return Summarize(times, cpu.Stop());
    }

    private static Timing Summarize(List<(double Ms, int Chars)> requests, CpuSplit cpu)
    {
        var times = requests.Select(t => t.Ms).ToList();
        return new Timing(Stats.Percentile(times, 50), Stats.Percentile(times, 95), times.Count / (cpu.WallMs / 1000), cpu.OwnMs / times.Count,
            requests.Max(t => t.Chars));
    }

    /// <summary>
    /// The statements one request of the page sends (see <see cref="StatementCapture"/>): as served,
    /// with its listing in the catalog cache, or with the cache emptied first.
    /// </summary>
    public async Task<IReadOnlyList<CapturedStatement>> CaptureAsync(BenchPage page, bool emptyCache)
    {
        await StatementCapture.StartAsync();
        if (emptyCache)
        {
            EmptyCatalogCache();
        }
        else
        {
            await GetAsync(page);
        }

        await GetAsync(page, capture: true);
        return StatementCapture.Take();
    }

    /// <summary>The seed writes behind the app's back: no listing chosen before it may be served after.</summary>
    public void EmptyCatalogCache() => app.Services.GetRequiredService<CatalogCache>().InvalidateFromElsewhere();

    /// <summary>One GET; a page that is not 200 or lacks its content would make the timing meaningless.</summary>
    private async Task<(double Ms, int Chars)> GetAsync(BenchPage page, bool capture = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, page.Path);
        if (capture)
        {
            request.Headers.Add(StatementCapture.Header, "1");
        }

        var started = Stopwatch.GetTimestamp();
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode || !body.Contains(page.MustContain, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"GET {page.Path} answered {(int)response.StatusCode} without \"{page.MustContain}\"; the page scenario measures nothing real.");
        }

        return (elapsed, body.Length);
    }

    public void Dispose() => _http.Dispose();
}
