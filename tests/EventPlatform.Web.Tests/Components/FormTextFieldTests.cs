using System.ComponentModel.DataAnnotations;
using Bunit;
using EventPlatform.Web.Components.Shared;
using Microsoft.AspNetCore.Components.Forms;

namespace EventPlatform.Web.Tests.Components;

public sealed class FormTextFieldTests : WebComponentTestBase
{
    private sealed class Model
    {
        [Required(ErrorMessage = "Enter your email address.")]
        public string Email { get; set; } = "";
    }

    [Fact]
    public async Task Field_HasAVisibleLabel_TiedToTheInput_AndTheFormName()
    {
        var model = new Model();
        var form = RenderOnCircuit<EditForm>(p => p
            .Add(f => f.Model, model)
            .Add(f => f.ChildContent, _ => b =>
            {
                b.OpenComponent<DataAnnotationsValidator>(10);
                b.CloseComponent();
                b.OpenComponent<FormTextField>(0);
                b.AddComponentParameter(1, nameof(FormTextField.Id), "Input.Email");
                b.AddComponentParameter(2, nameof(FormTextField.Label), "Email");
                b.AddComponentParameter(3, nameof(FormTextField.Value), model.Email);
                b.AddComponentParameter(4, nameof(FormTextField.ValueExpression),
                    (System.Linq.Expressions.Expression<Func<string>>)(() => model.Email));
                b.CloseComponent();
            }));

        var label = form.Find("label");
        Assert.Equal("Email", label.TextContent);
        Assert.Equal("Input.Email", label.GetAttribute("for"));
        var input = form.Find("input");
        Assert.Equal("Input.Email", input.Id);
        Assert.Null(input.GetAttribute("aria-invalid"));

        await form.InvokeAsync(() => form.Instance.EditContext!.Validate());

        Assert.Equal("true", form.Find("input").GetAttribute("aria-invalid"));
        Assert.Contains("Enter your email address.", form.Find(".ep-field-error").TextContent, StringComparison.Ordinal);
        Assert.Contains("Input.Email-error", form.Find("input").GetAttribute("aria-describedby"), StringComparison.Ordinal);
    }
}
