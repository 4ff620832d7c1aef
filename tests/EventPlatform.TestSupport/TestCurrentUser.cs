using EventPlatform.Core.Common;

namespace EventPlatform.TestSupport;

/// <summary>The caller of use cases in tests: set <see cref="UserId"/> to act as someone.</summary>
public sealed class TestCurrentUser : ICurrentUser
{
    private readonly AsyncLocal<Guid?> _userId = new();

    /// <summary>Per async flow, so parallel tasks in one test can act as different people.</summary>
    public Guid? UserId
    {
        get => _userId.Value;
        set => _userId.Value = value;
    }

    public Task<Guid?> GetUserIdAsync(CancellationToken cancellationToken = default) => Task.FromResult(UserId);
}
