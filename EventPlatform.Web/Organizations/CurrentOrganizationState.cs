using EventPlatform.Core.Organizations;

namespace EventPlatform.Web.Organizations;

/// <summary>
/// Circuit state: the signed-in person's organizations and the current one. The layout's
/// navigation and the switcher read it; pages that change memberships call <see cref="ReloadAsync"/>
/// and every subscriber re-renders.
/// </summary>
internal sealed class CurrentOrganizationState(MyOrganizations myOrganizations, SwitchOrganization switchOrganization)
{
    private MyOrganizationsView? _view;

    public event Action? Changed;

    public MyOrganizationsView View => _view ?? new MyOrganizationsView([], null, false);

    public async Task<MyOrganizationsView> EnsureLoadedAsync(CancellationToken ct = default) =>
        _view ??= await myOrganizations.GetAsync(ct);

    public async Task ReloadAsync(CancellationToken ct = default)
    {
        _view = await myOrganizations.GetAsync(ct);
        Changed?.Invoke();
    }

    public async Task SwitchToAsync(Guid organizationId, CancellationToken ct = default)
    {
        await switchOrganization.ExecuteAsync(organizationId, ct);
        await ReloadAsync(ct);
    }
}
