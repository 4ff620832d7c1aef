using EventPlatform.Web.Components.Shared;
using EventPlatform.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;

namespace EventPlatform.Web.Components.Layout;

/// <summary>
/// Catches an exception thrown while rendering or handling an event on a page, logs it (with the
/// circuit's correlation id on the line) and shows a friendly message with that id instead of
/// the page, so the user can quote it and support can find the log entry. When the database is
/// only busy or restarting, it says so and offers to try again on the same page (the circuit and
/// what was typed stay).
/// </summary>
public sealed class AppErrorBoundary : ErrorBoundary
{
    [Inject] private CircuitCorrelationId CorrelationId { get; set; } = default!;
    [Inject] private ILogger<AppErrorBoundary> Logger { get; set; } = default!;
    [Inject] private Core.Common.Database.IDatabaseErrors DatabaseErrors { get; set; } = default!;

    protected override Task OnErrorAsync(Exception exception)
    {
        if (DatabaseErrors.IsBusy(exception))
        {
            // Not a bug: the database is busy or restarting. The page offers to try again.
            Logger.LogWarning(exception, "Database busy or unavailable on a page (reference {Reference})", CorrelationId.Value);
        }
        else
        {
            Logger.LogError(exception, "Unhandled error on a page (reference {Reference})", CorrelationId.Value);
        }

        return Task.CompletedTask;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (CurrentException is null)
        {
            builder.AddContent(0, ChildContent);
            return;
        }

        if (DatabaseErrors.IsBusy(CurrentException))
        {
            builder.OpenComponent<BusyNotice>(3);
            builder.AddComponentParameter(4, nameof(BusyNotice.TryAgain), EventCallback.Factory.Create(this, Recover));
            builder.CloseComponent();
            return;
        }

        builder.OpenComponent<ErrorNotice>(1);
        builder.AddComponentParameter(2, nameof(ErrorNotice.Reference), CorrelationId.Value);
        builder.CloseComponent();
    }
}
