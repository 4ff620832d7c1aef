using EventPlatform.Core.Catalog;
using EventPlatform.Core.CheckIn;
using EventPlatform.Core.Common;
using EventPlatform.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace EventPlatform.Web.Components.Pages.CheckIn;

public sealed partial class CheckInScreen
{
    /// <summary>A plain submit button dressed as MudBlazor's large filled primary button.</summary>
    private const string ScanButtonClass =
        "mud-button-root mud-button mud-button-filled mud-button-filled-primary mud-button-filled-size-large ep-scan-button";

    private IReadOnlyList<StationSession> sessions = [];
    private Guid sessionId;
    private string? code;
    private string? query;
    private CheckInResult? result;
    private DateTimeOffset scannedAt;
    private IReadOnlyList<AttendeeMatch>? matches;
    private string? undoMessage;
    private bool ended;
    private ElementReference scanInput;
    private ElementReference video;
    private Timer? watch;
    private IJSObjectReference? camera;
    private DotNetObjectReference<CheckInScreen>? self;
    private bool cameraOn;
    private bool sound;
    private string? cameraError;

    [Parameter, EditorRequired] public CheckInStation Station { get; set; } = default!;
    private string EventTitle => Station.EventTitle;
    private string TimeZone => Station.TimeZone;

    /// <summary>When the chosen session runs, in the event's zone: the strip at the top keeps it in sight.</summary>
    private string? SessionTimes => sessions.FirstOrDefault(s => s.Id == sessionId) is { } session
        ? EventTime.FormatRange(session.StartsAt, session.EndsAt, TimeZone)
        : null;

    protected override async Task OnInitializedAsync()
    {
        var (list, current) = await Stations.SessionsAsync(Station);
        sessions = list;
        sessionId = current ?? Guid.Empty;
        if (Station.KioskId is not null)
        {
            // An open kiosk page stops within 5 seconds of being revoked or expiring.
            watch = new Timer(_ => InvokeAsync(CheckStillActiveAsync), null, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4));
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!ended)
        {
            // A hardware scanner types into whatever has focus: keep it on the scan field.
            try
            {
                await scanInput.FocusAsync();
            }
            catch (InvalidOperationException)
            {
                // Not rendered (yet).
            }
        }
    }

    private void ChangeSession(ChangeEventArgs e) => sessionId = Guid.TryParse(e.Value?.ToString(), out var id) ? id : sessionId;

    private async Task ScanAsync()
    {
        var scanned = code;
        code = null;
        await CheckInCodeAsync(scanned);
    }

    private async Task CheckInCodeAsync(string? scanned)
    {
        undoMessage = null;
        result = await CheckIn.ExecuteAsync(Station, scanned, sessionId);
        scannedAt = Clock.GetUtcNow();
        ended = result.Outcome is CheckInOutcome.KioskEnded or CheckInOutcome.StaffAccessEnded;
        if (sound)
        {
            try
            {
                camera ??= await JS.InvokeAsync<IJSObjectReference>("import", "/js/camera-scan.js");
                await camera.InvokeVoidAsync("beep", result.Succeeded);
            }
            catch (JSException)
            {
                // No audio on this device: the screen says it all.
            }
        }
    }

    private async Task UndoAsync(Guid checkInId)
    {
        var undone = await CheckIn.UndoAsync(Station, checkInId);
        undoMessage = undone ? WebMessages.CheckInUndone(result?.AttendeeName) : WebMessages.CheckInNoLongerUndoable;
        result = null;
    }

    private async Task SearchAsync()
    {
        try
        {
            matches = await Search.ExecuteAsync(Station, query);
        }
        catch (AccessDeniedException)
        {
            ended = true;
        }
    }

    private async Task CheckStillActiveAsync()
    {
        if (!ended && !await Stations.IsActiveAsync(Station))
        {
            ended = true;
            StateHasChanged();
        }
    }

    private async Task ToggleCameraAsync()
    {
        cameraError = null;
        try
        {
            camera ??= await JS.InvokeAsync<IJSObjectReference>("import", "/js/camera-scan.js");
            if (cameraOn)
            {
                await camera.InvokeVoidAsync("stop");
                cameraOn = false;
                return;
            }

            self ??= DotNetObjectReference.Create(this);
            cameraOn = true;
            await camera.InvokeVoidAsync("start", video, self);
        }
        catch (JSException ex)
        {
            cameraOn = false;
            cameraError = WebMessages.CameraNotStarted(ex.Message);
        }
    }

    /// <summary>Called by the camera script for each newly read code.</summary>
    [JSInvokable]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006", Justification = "The camera script calls it by this name.")]
    public async Task OnCodeScanned(string scanned)
    {
        await CheckInCodeAsync(scanned);
        StateHasChanged();
    }

    public async ValueTask DisposeAsync()
    {
        watch?.Dispose();
        if (camera is not null)
        {
            try
            {
                await camera.InvokeVoidAsync("stop");
                await camera.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The tablet closed the page; the browser released the camera.
            }
        }

        self?.Dispose();
    }
}
