using EventPlatform.Core.Common;
using EventPlatform.Web.Components.Shared;

namespace EventPlatform.Web.Tests.Components;

public sealed class FieldErrorsTests
{
    [Fact]
    public void AUseCasesErrors_GiveTheFirstMessagePerField_AndTheFormLevelOneApart()
    {
        var errors = new FieldErrors([
            new ValidationFailure("Name", "Enter a name."),
            new ValidationFailure("Name", "A second problem with the name."),
            new ValidationFailure(ValidationFailure.FormLevel, "This ticket type has sales."),
        ]);

        Assert.True(errors.Has("Name"));
        Assert.Equal("Enter a name.", errors.For("Name"));
        Assert.False(errors.Has("Price"));
        Assert.Null(errors.For("Price"));
        Assert.Equal("This ticket type has sales.", errors.FormLevel);
    }

    [Fact]
    public void ThePagesOwnErrors_AreAdded_AndNoneMeansEmpty()
    {
        var errors = new FieldErrors();
        Assert.True(errors.IsEmpty);
        Assert.Null(errors.FormLevel);

        errors.Add("PriceMinor", "Enter an amount like 25.00 (at most 2 decimals).");

        Assert.False(errors.IsEmpty);
        Assert.Equal("Enter an amount like 25.00 (at most 2 decimals).", errors.For("PriceMinor"));
        Assert.Null(errors.FormLevel);
    }
}
