using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace EventPlatform.Web.Tests.Components;

/// <summary>The one bunit setup for our components: MudBlazor services, loose JS interop, server rendering.</summary>
public abstract class WebComponentTestBase : BunitContext
{
    protected WebComponentTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        // The app's database tells busy from broken; components that show errors ask it.
        Services.AddSingleton<Core.Common.Database.IDatabaseErrors>(Data.Common.Database.PostgresErrors.Instance);
    }

    /// <summary>Renders as on a live circuit. Register every service before the first render.</summary>
    protected IRenderedComponent<TComponent> RenderOnCircuit<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render(parameters);
    }
}
