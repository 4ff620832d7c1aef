using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;

namespace EventPlatform.Web.Hosting;

/// <summary>
/// Toasts (MudBlazor snackbars), one rule for every page: at the bottom, centred (full width on
/// phones, app.css), where they cover none of a page's actions (those sit at the top right of
/// pages and tables); one at a time — a new toast replaces the ones that would close by
/// themselves; confirmations close after <see cref="SuccessDuration"/>, problems stay until closed.
/// </summary>
internal static class Toasts
{
    /// <summary>How long a confirmation ("Event saved.") stays: long enough to read, short enough to be out of the way.</summary>
    public static readonly TimeSpan SuccessDuration = TimeSpan.FromSeconds(5);

    /// <summary>Adds MudBlazor's services with these toasts.</summary>
    public static void AddMudServicesWithToasts(this IServiceCollection services)
    {
        services.AddMudServices(configuration => Configure(configuration.SnackbarConfiguration));
        services.AddScoped<ISnackbar>(provider => new OneToastAtATime(ActivatorUtilities.CreateInstance<SnackbarService>(provider)));
    }

    public static void Configure(SnackbarConfiguration configuration)
    {
        configuration.PositionClass = Defaults.Classes.Position.BottomCenter;
        configuration.NewestOnTop = false; // the newest is nearest the bottom edge
        configuration.PreventDuplicates = true;
        // Problems stay until closed, so a few may be shown; confirmations never pile up (see OneToastAtATime).
        configuration.MaxDisplayedSnackbars = 3;
        configuration.ShowCloseIcon = true;
        configuration.VisibleStateDuration = (int)SuccessDuration.TotalMilliseconds;
        configuration.ShowTransitionDuration = 200;
        configuration.HideTransitionDuration = 200;
    }

    /// <summary>Errors and warnings need reading (and maybe acting on): they stay until closed. Others close by themselves.</summary>
    public static bool StaysUntilClosed(Severity severity) => severity is Severity.Error or Severity.Warning;

    /// <summary>The options a toast of this severity gets, before the caller's own.</summary>
    public static void ApplyTo(SnackbarOptions options)
    {
        options.RequireInteraction = StaysUntilClosed(options.Severity);
        options.ShowCloseIcon = true;
        options.VisibleStateDuration = (int)SuccessDuration.TotalMilliseconds;
    }
}

/// <summary>
/// MudBlazor's snackbar service with <see cref="Toasts"/>' rules: each new toast first closes the
/// toasts that would close by themselves, and gets its severity's options.
/// </summary>
internal sealed class OneToastAtATime(SnackbarService inner) : ISnackbar
{
    public IEnumerable<Snackbar> ShownSnackbars => inner.ShownSnackbars;

    public SnackbarConfiguration Configuration => inner.Configuration;

    public event Action? OnSnackbarsUpdated
    {
        add => inner.OnSnackbarsUpdated += value;
        remove => inner.OnSnackbarsUpdated -= value;
    }

    public Snackbar? Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] T>(Dictionary<string, object>? componentParameters = null,
        Severity severity = Severity.Normal, Action<SnackbarOptions>? configure = null, string? key = null) where T : IComponent
    {
        ReplaceTransient();
        return inner.Add<T>(componentParameters, severity, WithRules(configure), key);
    }

    public Snackbar? Add(RenderFragment message, Severity severity = Severity.Normal, Action<SnackbarOptions>? configure = null, string? key = null)
    {
        ReplaceTransient();
        return inner.Add(message, severity, WithRules(configure), key);
    }

    public Snackbar? Add(MarkupString message, Severity severity = Severity.Normal, Action<SnackbarOptions>? configure = null, string? key = null)
    {
        ReplaceTransient();
        return inner.Add(message, severity, WithRules(configure), key);
    }

    public Snackbar? Add(string message, Severity severity = Severity.Normal, Action<SnackbarOptions>? configure = null, string? key = null)
    {
        ReplaceTransient();
        return inner.Add(message, severity, WithRules(configure), key);
    }

    public void Clear() => inner.Clear();

    public void Remove(Snackbar snackbar) => inner.Remove(snackbar);

    public void RemoveByKey(string key) => inner.RemoveByKey(key);

    public void Dispose() => inner.Dispose();

    private static Action<SnackbarOptions> WithRules(Action<SnackbarOptions>? configure) => options =>
    {
        Toasts.ApplyTo(options);
        configure?.Invoke(options);
    };

    /// <summary>The confirmation on screen is replaced by the new toast; problems stay until the person closes them.</summary>
    private void ReplaceTransient()
    {
        foreach (var shown in inner.ShownSnackbars.Where(s => !Toasts.StaysUntilClosed(s.Severity)).ToList())
        {
            inner.Remove(shown);
        }
    }
}
