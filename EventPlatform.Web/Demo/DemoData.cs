using EventPlatform.Core.Accounts;
using EventPlatform.Core.Catalog;
using EventPlatform.Core.Organizations;
using EventPlatform.Data;
using EventPlatform.Data.Live;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Web.Demo;

/// <summary>The demo accounts. Demo only: never enable demo data on a real installation.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo-Passw0rd!";

    public const string Admin = "admin@demo.eventplatform.test";
    public const string RiversideOwner = "owner@riverside.demo.eventplatform.test";
    public const string RiversideManager = "manager@riverside.demo.eventplatform.test";
    public const string RiversideStaff = "staff@riverside.demo.eventplatform.test";
    public const string NorthwindOwner = "owner@northwind.demo.eventplatform.test";
    public const string NorthwindManager = "manager@northwind.demo.eventplatform.test";
    public const string NorthwindStaff = "staff@northwind.demo.eventplatform.test";
    public static readonly string[] Attendees = ["alice@demo.eventplatform.test", "bob@demo.eventplatform.test", "carol@demo.eventplatform.test"];
}

/// <summary>
/// Seeds demo data on first run (configuration <c>DemoData:Enabled</c>, on in Development): a
/// platform admin, two organizations with an Owner, a Manager and check-in staff each, and three
/// attendees. Idempotent: a database that already has users is left alone. Two instances starting
/// together on an empty database (docker-compose.yml) take turns through an advisory lock, so the
/// second finds the first one's users and leaves them alone.
/// </summary>
internal sealed class DemoDataSeeder(IServiceScopeFactory scopes, IConfiguration configuration, DatabaseConnectionString connection,
    TimeProvider clock, ILogger<DemoDataSeeder> logger) : IHostedService
{
    /// <summary>The advisory lock's key (any fixed number no other lock of ours uses).</summary>
    private const long SeedLock = 0x45505F44454D4F; // "EP_DEMO"

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("DemoData:Enabled", false))
        {
            return;
        }

        // Session-level lock on a connection of its own, held while seeding; released when it closes.
        await using var gate = new Npgsql.NpgsqlConnection(Data.DataServiceCollectionExtensions.Unpooled(connection.Value));
        await gate.OpenAsync(cancellationToken);
        await using (var take = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({SeedLock})", gate))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventPlatformDbContext>();
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        logger.LogInformation("Seeding demo data");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        if (!await roles.RoleExistsAsync(PlatformRoles.PlatformAdmin))
        {
            Check(await roles.CreateAsync(new IdentityRole<Guid>(PlatformRoles.PlatformAdmin) { Id = Guid.CreateVersion7() }));
        }

        var admin = await CreateUserAsync(users, DemoAccounts.Admin, "Ada Admin");
        Check(await users.AddToRoleAsync(admin, PlatformRoles.PlatformAdmin));

        var riverside = await CreateOrganizationAsync(users, db, "Riverside Arts Collective", "riverside-arts",
            (DemoAccounts.RiversideOwner, "Rita Owner", OrgRole.Owner),
            (DemoAccounts.RiversideManager, "Marco Manager", OrgRole.Manager),
            (DemoAccounts.RiversideStaff, "Sam Door", OrgRole.CheckInStaff));
        var northwind = await CreateOrganizationAsync(users, db, "Northwind Tech Meetups", "northwind-tech",
            (DemoAccounts.NorthwindOwner, "Nora Owner", OrgRole.Owner),
            (DemoAccounts.NorthwindManager, "Nils Manager", OrgRole.Manager),
            (DemoAccounts.NorthwindStaff, "Nia Door", OrgRole.CheckInStaff));

        string[] attendeeNames = ["Alice Attendee", "Bob Attendee", "Carol Attendee"];
        for (var i = 0; i < DemoAccounts.Attendees.Length; i++)
        {
            await CreateUserAsync(users, DemoAccounts.Attendees[i], attendeeNames[i]);
        }

        await db.Organizations.Where(o => o.Id == northwind)
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.DefaultCurrency, "USD").SetProperty(x => x.DefaultTimeZone, "America/New_York"),
                cancellationToken);

        // Alice is a member of Riverside: she sees member prices and the members-only event.
        db.CustomerMembers.Add(new CustomerMember { OrganizationId = riverside, Email = DemoAccounts.Attendees[0],
            NormalizedEmail = DemoAccounts.Attendees[0].ToUpperInvariant(), AddedAt = clock.GetUtcNow() });
        DemoCatalog.Add(db, riverside, northwind, clock.GetUtcNow());
        DemoPages.Add(db, riverside, northwind, clock.GetUtcNow());
        DemoOrders.Add(db, clock.GetUtcNow());
        await DemoCatalog.AddCoversAsync(db, scope.ServiceProvider.GetRequiredService<Core.Storage.IFileStorage>(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<Guid> CreateOrganizationAsync(UserManager<ApplicationUser> users, EventPlatformDbContext db, string name, string slug,
        params (string Email, string Name, OrgRole Role)[] team)
    {
        var now = clock.GetUtcNow();
        var organization = new Organization { Id = Guid.CreateVersion7(), Name = name, Slug = slug, CreatedAt = now, ContactEmail = team[0].Email };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        foreach (var (email, displayName, role) in team)
        {
            var user = await CreateUserAsync(users, email, displayName, organization.Id);
            db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = organization.Id, UserId = user.Id, Role = role, JoinedAt = now });
        }

        await db.SaveChangesAsync();
        return organization.Id;
    }

    private async Task<ApplicationUser> CreateUserAsync(UserManager<ApplicationUser> users, string email, string displayName,
        Guid? organizationId = null)
    {
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CurrentOrganizationId = organizationId,
            CreatedAt = clock.GetUtcNow(),
        };
        Check(await users.CreateAsync(user, DemoAccounts.Password));
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo data: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
