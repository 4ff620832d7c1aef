using EventPlatform.Core.Catalog.Browsing;
using EventPlatform.Web.Components.Shared;

namespace EventPlatform.Web.Components.Pages.Catalog.Browse;

/// <summary>
/// The quantities a buyer chose on the event page, kept within what can still be bought. When live
/// availability changes (sold out, fewer left), <see cref="FitTo"/> lowers the choice and leaves a
/// note next to the type, so the order bar never shows, and Continue never sends, a selection the
/// hold would refuse.
/// </summary>
public sealed class TicketSelection
{
    private readonly Dictionary<Guid, int> _quantities = [];
    private readonly Dictionary<Guid, string> _notes = [];

    public IReadOnlyDictionary<Guid, int> Quantities => _quantities;

    public int Count => _quantities.Values.Sum();

    public int Of(Guid ticketTypeId) => _quantities.GetValueOrDefault(ticketTypeId);

    /// <summary>Why the choice of this type was changed by a live update, until the buyer chooses again.</summary>
    public string? NoteFor(Guid ticketTypeId) => _notes.GetValueOrDefault(ticketTypeId);

    public void Set(Guid ticketTypeId, int quantity)
    {
        _quantities[ticketTypeId] = Math.Max(0, quantity);
        _notes.Remove(ticketTypeId);
    }

    /// <summary>Lowers every chosen quantity to what its type still allows; true when something changed.</summary>
    public bool FitTo(IReadOnlyList<PublicTicketType> offered)
    {
        var changed = false;
        foreach (var (id, quantity) in _quantities.Where(q => q.Value > 0).ToList())
        {
            var type = offered.FirstOrDefault(t => t.Id == id);
            var allowed = type is { Availability.IsPurchasable: true } ? type.Availability.MaxPurchasable : 0;
            if (quantity <= allowed)
            {
                continue;
            }

            _quantities[id] = allowed;
            _notes[id] = allowed == 0 ? WebMessages.SelectionNoLongerAvailable : WebMessages.SelectionLowered(allowed);
            changed = true;
        }

        return changed;
    }
}
