using EventPlatform.Core.Catalog.Live;

namespace EventPlatform.Web.Components.Pages.Ordering.Checkout;

/// <summary>How many more places others can still get in what a buyer holds: the tightest cap or session among them.</summary>
internal static class LiveLeft
{
    public static int? ForTypes(EventCounters counters, IReadOnlySet<Guid> typeIds, IReadOnlySet<Guid> sessionIds)
    {
        var capped = typeIds.Where(counters.Types.ContainsKey).Select(id => counters.Types[id]).ToList();
        var fromCaps = capped.Select(c => c.Left).DefaultIfEmpty(int.MaxValue).Min();
        var fromSessions = counters.Sessions.Where(s => sessionIds.Contains(s.Key)).Select(s => s.Value)
            .Select(s => (s.Capacity ?? 0) - s.Taken).DefaultIfEmpty(int.MaxValue).Min();
        var left = Math.Min(fromCaps, fromSessions);
        return left == int.MaxValue ? null : Math.Max(0, left);
    }
}
