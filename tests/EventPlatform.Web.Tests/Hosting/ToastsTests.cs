using Bunit;
using EventPlatform.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EventPlatform.Web.Tests.Hosting;

/// <summary>The app's toast rules (<see cref="Toasts"/>): where, how many, how long.</summary>
public sealed class ToastsTests : BunitContext
{
    private readonly ISnackbar _toasts;

    public ToastsTests()
    {
        Services.AddMudServicesWithToasts();
        _toasts = Services.GetRequiredService<ISnackbar>();
    }

    [Fact]
    public void Toasts_AreAtTheBottomCentre_WithACloseButton()
    {
        Assert.IsType<OneToastAtATime>(_toasts);
        Assert.Equal(Defaults.Classes.Position.BottomCenter, _toasts.Configuration.PositionClass);
        Assert.True(_toasts.Configuration.ShowCloseIcon);
    }

    [Fact]
    public void ASuccess_ClosesByItselfAfterAFewSeconds_AndTheNextToastReplacesIt()
    {
        SnackbarOptions? options = null;
        _toasts.Add("Event saved.", Severity.Success, o => options = o);
        Assert.False(options!.RequireInteraction);
        Assert.Equal(5000, options.VisibleStateDuration);

        _toasts.Add("Coupon SPRING saved.", Severity.Success);
        Assert.Equal(["Coupon SPRING saved."], _toasts.ShownSnackbars.Select(s => s.Message));
    }

    [Fact]
    public void AnError_StaysUntilClosed_AndAConfirmationAfterItDoesNotHideIt()
    {
        SnackbarOptions? error = null;
        SnackbarOptions? warning = null;
        _toasts.Add("Saved.", Severity.Success);
        _toasts.Add("Could not send the email.", Severity.Error, o => error = o);
        _toasts.Add("That question was deleted meanwhile.", Severity.Warning, o => warning = o);
        _toasts.Add("Event saved.", Severity.Success);

        Assert.True(error!.RequireInteraction);
        Assert.True(warning!.RequireInteraction);
        Assert.Equal(["Could not send the email.", "That question was deleted meanwhile.", "Event saved."],
            _toasts.ShownSnackbars.Select(s => s.Message));

        _toasts.Remove(_toasts.ShownSnackbars.First());
        Assert.Equal(2, _toasts.ShownSnackbars.Count());
    }
}
