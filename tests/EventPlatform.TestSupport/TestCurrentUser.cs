using EventPlatform.Core.Common;

namespace EventPlatform.TestSupport;

/// <summary>The caller of use cases in tests: set <see cref="UserId"/> to act as someone.</summary>
/// <remarks>
/// A value set inside a task flows to what that task awaits, so parallel tasks in one test can act
/// as different people; the last value set anywhere is the default for flows that set none (xunit
/// runs a class's InitializeAsync and its test in separate flows).
/// </remarks>
public sealed class TestCurrentUser : ICurrentUser
{
    private readonly AsyncLocal<Holder?> _inFlow = new();
    private Guid? _default;

    public Guid? UserId
    {
        get => _inFlow.Value is { } holder ? holder.UserId : _default;
        set
        {
            _inFlow.Value = new Holder(value);
            _default = value;
        }
    }

    public Task<Guid?> GetUserIdAsync(CancellationToken cancellationToken = default) => Task.FromResult(UserId);

    private sealed record Holder(Guid? UserId);
}
