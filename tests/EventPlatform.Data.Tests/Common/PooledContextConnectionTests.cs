using EventPlatform.Core.Common.Database;
using EventPlatform.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EventPlatform.Data.Tests.Common;

/// <summary>
/// A use case may keep its context's connection open, so its reads and its transaction share one
/// pool checkout (PlaceHold does, through <see cref="OpenConnection"/>). The next lease of that
/// pooled context must open and close per query again: when the connection was opened without the
/// matching close, EF handed the next user a context that kept its connection checked out from its
/// first query until disposal.
/// </summary>
public sealed class PooledContextConnectionTests : IAsyncLifetime
{
    private CoreServices _services = default!;

    public async Task InitializeAsync() => _services = await CoreServices.CreateAsync("pooled-connection");

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task AConnectionKeptOpenByOneUseCase_LeavesTheNextLeaseOfItsContext_OpeningPerQuery()
    {
        var opened = new List<NpgsqlConnection>();
        for (var i = 0; i < 3; i++)
        {
            await using var db = await _services.Db.CreateAsync();
            await using (await OpenConnection.KeepOpenAsync(db, default))
            {
                Assert.Equal(1, await db.Database.SqlQuery<int>($"SELECT 1 AS \"Value\"").SingleAsync());
                Assert.Equal(1, await db.Database.SqlQuery<int>($"SELECT 1 AS \"Value\"").SingleAsync());
                Assert.Equal(System.Data.ConnectionState.Open, db.Database.GetDbConnection().State);
            }

            opened.Add((NpgsqlConnection)db.Database.GetDbConnection());
        }

        Assert.All(opened, connection => Assert.Equal(System.Data.ConnectionState.Closed, connection.State));
        // The next leases open and close per query again, as contexts nobody opened do.
        for (var i = 0; i < 3; i++)
        {
            await using var next = await _services.Db.CreateAsync();
            Assert.Equal(1, await next.Database.SqlQuery<int>($"SELECT 1 AS \"Value\"").SingleAsync());
            Assert.Equal(System.Data.ConnectionState.Closed, next.Database.GetDbConnection().State);
        }
    }
}
