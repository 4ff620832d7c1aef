using EventPlatform.Core.Common;

namespace EventPlatform.TestSupport;

/// <summary>Where use cases think a request comes from: set <see cref="Client"/> to act from some address and browser.</summary>
/// <remarks>Flows like <see cref="TestCurrentUser"/>: a value set inside a task holds for what that task awaits.</remarks>
public sealed class TestCurrentClient : ICurrentClient
{
    private readonly AsyncLocal<ClientIdentity?> _inFlow = new();
    private ClientIdentity _default = ClientIdentity.Unknown;

    public ClientIdentity Client
    {
        get => _inFlow.Value ?? _default;
        set
        {
            _inFlow.Value = value;
            _default = value;
        }
    }

    public ClientIdentity Get() => Client;
}
