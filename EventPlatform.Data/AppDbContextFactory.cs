using EventPlatform.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Data;

/// <summary>Hands Core a fresh <see cref="EventPlatformDbContext"/> per operation.</summary>
internal sealed class AppDbContextFactory(IDbContextFactory<EventPlatformDbContext> inner) : IAppDbContextFactory
{
    public async Task<IAppDbContext> CreateAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
