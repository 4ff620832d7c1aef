using EventPlatform.Core.Catalog.Browsing;

namespace EventPlatform.Web.Components.Pages.Catalog.Browse;

/// <summary>
/// The event page's view, handed from the static page to its live tickets while both render in the
/// same HTTP request (prerendering), so the tickets are not read from the database a second time.
/// Scoped: one request's, or one circuit's, where it stays empty.
/// </summary>
public sealed class EventViewHandover
{
    private PublicEventView? _view;

    public void Offer(PublicEventView view) => _view = view;

    /// <summary>The view offered for this slug in this request, taken once.</summary>
    public PublicEventView? Take(string slug)
    {
        var view = _view;
        _view = null;
        return view?.Event.Slug == slug ? view : null;
    }
}
