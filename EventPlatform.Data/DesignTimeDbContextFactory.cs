using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EventPlatform.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<EventPlatformDbContext>
{
    public EventPlatformDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<EventPlatformDbContext>();
        DataServiceCollectionExtensions.ConfigureNpgsql(options, "Host=localhost;Database=eventplatform_design");
        return new EventPlatformDbContext(options.Options);
    }
}
