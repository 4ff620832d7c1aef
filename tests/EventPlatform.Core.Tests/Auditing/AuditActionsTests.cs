using System.Text.RegularExpressions;
using EventPlatform.Core.Auditing;

namespace EventPlatform.Core.Tests.Auditing;

/// <summary>The audit actions are a contract (search, tests, later outgoing webhooks): namespaced, unique, stable.</summary>
public partial class AuditActionsTests
{
    [Fact]
    public void EveryAction_IsNamespacedLowerCase()
    {
        Assert.NotEmpty(AuditActions.All);
        Assert.All(AuditActions.All, a => Assert.Matches(NamespacedName(), a.Name));
    }

    [Fact]
    public void NoTwoActions_ShareAName()
    {
        var duplicates = AuditActions.All.GroupBy(a => a.Name).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void All_HoldsEveryActionOfTheCatalogue_OfBothKinds()
    {
        var fields = typeof(AuditActions).GetFields().Where(f => f.IsStatic && f.FieldType.IsAssignableTo(typeof(IAuditAction))).ToList();

        Assert.Equal(fields.Count, AuditActions.All.Count);
        Assert.Contains(AuditActions.All, a => a is AuditAction);
        Assert.Contains(AuditActions.All, a => a.GetType().IsGenericType);
    }

    [Fact]
    public void EveryDetailsType_IsASealedRecord()
    {
        // A record's members are its whole JSON; a class could grow computed or inherited members unnoticed.
        var detailsTypes = AuditActions.All.Select(a => a.GetType()).Where(t => t.IsGenericType).Select(t => t.GetGenericArguments()[0]).Distinct();

        Assert.All(detailsTypes, t => Assert.True(t.IsSealed && t.GetMethod("<Clone>$") is not null, $"{t.Name} is not a sealed record"));
    }

    [Theory]
    [InlineData("order.paid")]
    [InlineData("order.held")]
    [InlineData("ticket.checked_in")]
    [InlineData("order.refund_failed")]
    public void TheNamesOtherPartsRelyOn_AreStillThere(string name) =>
        Assert.Contains(AuditActions.All, a => a.Name == name);

    [GeneratedRegex("^[a-z_]+\\.[a-z_]+$")]
    private static partial Regex NamespacedName();
}
