using EventPlatform.Core.Catalog.Management;
using EventPlatform.Core.Common;
using EventPlatform.Core.Messaging;
using EventPlatform.Core.Ordering;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EventPlatform.Web.Components.Pages.Messaging;

/// <summary>
/// The composer: recipients (with a live count), subject and Markdown body, preview with sample
/// values or a real recipient's, a test to oneself, then send now or schedule. Every rule is
/// checked again by <see cref="AttendeeMessages"/>; this page only shows what it says.
/// </summary>
public partial class MessageComposer
{
    private const string SampleValues = "";
    private const string BodyHelp = "Markdown: **bold**, *italic*, - lists, [a link]({event_url}). Placeholders in braces, from the list.";

    private EventForEditing? editing;
    private string? denied;
    private bool notFound;

    private MessageAudience audience = MessageAudience.BuyersAndAttendees;
    private IReadOnlyCollection<Guid> sessionIds = [];
    private IReadOnlyCollection<Guid> typeIds = [];
    private readonly HashSet<OrderStatus> statuses = [OrderStatus.Paid];
    private CheckInFilter checkedIn = CheckInFilter.Any;
    private int? count;
    private int countVersion;
    private IReadOnlyList<string> someRecipients = [];

    private string? subject;
    private string? body;
    private string previewAs = SampleValues;
    private MessagePreview? preview;
    private bool later;
    private string? sendAt;
    private bool sending;
    private IReadOnlyList<ValidationFailure> errors = [];

    [Parameter] public Guid EventId { get; set; }

    private string MessagesHref => $"/events/{EventId}/manage/messages";

    private RecipientFilter Filter => new(audience, [.. sessionIds], [.. typeIds], [.. statuses], checkedIn);

    private MessageDraft Draft => new(Filter, subject, body);

    private bool Has(string field) => ErrorFor(field) is not null;

    private string? ErrorFor(string field) => errors.FirstOrDefault(e => e.Field == field)?.Message;

    private string SessionName(Guid id) => editing?.Sessions.FirstOrDefault(s => s.Id == id) is { } s ? $"{s.Code} {s.Name}" : "";

    private string TypeName(Guid id) => editing?.TicketTypes.FirstOrDefault(t => t.Id == id)?.Name ?? "";

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            editing = await GetEvent.ExecuteAsync(EventId);
            // The composer is Manager and up: the count checks it, so an Analyst sees "denied" and not a form.
            await RecountAsync();
        }
        catch (Exception ex) when (ex is NotFoundException || ex is AccessDeniedException { IsNotAMember: true })
        {
            notFound = true;
            Navigation.NotFound();
        }
        catch (AccessDeniedException ex)
        {
            denied = ex.Message;
        }
    }

    private async Task RecountAsync()
    {
        // Quick changes may finish out of order: only the newest count is shown.
        var version = ++countVersion;
        count = null;
        if (statuses.Count == 0)
        {
            count = 0;
            someRecipients = [];
            return;
        }

        var filter = Filter;
        var sample = await Messages.RecipientsAsync(EventId, filter);
        if (version != countVersion)
        {
            return;
        }

        count = sample.Count;
        someRecipients = sample.First;
        if (previewAs != SampleValues && !someRecipients.Contains(previewAs))
        {
            previewAs = SampleValues;
        }
    }

    private async Task OnAudienceChangedAsync(MessageAudience value)
    {
        audience = value;
        await RecountAsync();
    }

    private async Task OnSessionsChangedAsync(IReadOnlyCollection<Guid>? values)
    {
        sessionIds = values?.ToList() ?? [];
        await RecountAsync();
    }

    private async Task OnTypesChangedAsync(IReadOnlyCollection<Guid>? values)
    {
        typeIds = values?.ToList() ?? [];
        await RecountAsync();
    }

    private async Task OnCheckedInChangedAsync(CheckInFilter value)
    {
        checkedIn = value;
        await RecountAsync();
    }

    private async Task OnStatusChangedAsync(OrderStatus status, bool on)
    {
        if (on)
        {
            statuses.Add(status);
        }
        else
        {
            statuses.Remove(status);
        }

        await RecountAsync();
    }

    private async Task PreviewAsync()
    {
        var result = await Messages.PreviewAsync(EventId, Draft, previewAs == SampleValues ? null : previewAs);
        errors = result.Errors;
        preview = result.Value;
    }

    private async Task SendTestAsync()
    {
        var result = await Messages.SendTestAsync(EventId, Draft);
        errors = result.Errors;
        if (result.Succeeded)
        {
            Snackbar.Add($"A test with sample values is on its way to {result.Value}.", Severity.Success);
        }
    }

    private async Task SendAsync()
    {
        if (!later && count is null)
        {
            return; // still counting: the button says how many it sends to only once it knows
        }

        var question = later
            ? "Schedule this message? The recipients are chosen when it goes; you can cancel it until then."
            : $"Send this message now to {count ?? 0:N0} {(count == 1 ? "person" : "people")}? It cannot be taken back.";
        var confirmed = await Dialogs.ShowMessageBoxAsync(later ? "Schedule the message?" : "Send the message?", question,
            yesText: later ? "Schedule" : "Send now", cancelText: "Not yet");
        if (confirmed != true)
        {
            return;
        }

        sending = true;
        try
        {
            var result = await Messages.ScheduleAsync(EventId, Draft, later ? sendAt ?? "" : null);
            errors = result.Errors;
            if (result.Succeeded)
            {
                Snackbar.Add(later ? "The message is scheduled." : "The message is on its way.", Severity.Success);
                Navigation.NavigateTo($"/events/{EventId}/messages/{result.Value}");
            }
        }
        finally
        {
            sending = false;
        }
    }
}
