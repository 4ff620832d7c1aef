using EventPlatform.Web.Components.Shared;
using EventPlatform.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;

namespace EventPlatform.Web.Components.Layout;

/// <summary>
/// Catches an exception thrown while rendering or handling an event on a page, logs it (with the
/// circuit's correlation id on the line) and shows a friendly message with that id instead of
/// the page, so the user can quote it and support can find the log entry.
/// </summary>
public sealed class AppErrorBoundary : ErrorBoundary
{
    [Inject] private CircuitCorrelationId CorrelationId { get; set; } = default!;
    [Inject] private ILogger<AppErrorBoundary> Logger { get; set; } = default!;

    protected override Task OnErrorAsync(Exception exception)
    {
        Logger.LogError(exception, "Unhandled error on a page (reference {Reference})", CorrelationId.Value);
        return Task.CompletedTask;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (CurrentException is null)
        {
            builder.AddContent(0, ChildContent);
            return;
        }

        builder.OpenComponent<ErrorNotice>(1);
        builder.AddComponentParameter(2, nameof(ErrorNotice.Reference), CorrelationId.Value);
        builder.CloseComponent();
    }
}
