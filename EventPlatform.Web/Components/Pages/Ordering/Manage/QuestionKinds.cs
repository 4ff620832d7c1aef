using EventPlatform.Core.Ordering;

namespace EventPlatform.Web.Components.Pages.Ordering.Manage;

/// <summary>How a question's kind is named to organizers.</summary>
public static class QuestionKinds
{
    public static string Describe(QuestionKind kind) => kind switch
    {
        QuestionKind.Text => "Text",
        QuestionKind.Choice => "Choice",
        QuestionKind.YesNo => "Yes / no",
    };
}
