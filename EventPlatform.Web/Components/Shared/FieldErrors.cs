using EventPlatform.Core.Common;

namespace EventPlatform.Web.Components.Shared;

/// <summary>
/// A form's errors by field, shown next to each input: those the page finds reading its inputs
/// (<see cref="Add"/>) or a use case's <see cref="ValidationFailure"/>s, the first message per field.
/// The one about the request as a whole (<see cref="ValidationFailure.FormLevel"/>) is <see cref="FormLevel"/>.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string> _messages = [];

    /// <summary>No errors yet; the page adds those it finds before calling the use case.</summary>
    public FieldErrors()
    {
    }

    /// <summary>A use case's errors, e.g. <c>new FieldErrors(result.Errors)</c>.</summary>
    public FieldErrors(IEnumerable<ValidationFailure> failures)
    {
        foreach (var failure in failures)
        {
            _messages.TryAdd(failure.Field, failure.Message);
        }
    }

    public bool IsEmpty => _messages.Count == 0;

    /// <summary>The problem with the request as a whole, shown apart from the fields; null when there is none.</summary>
    public string? FormLevel => For(ValidationFailure.FormLevel);

    public bool Has(string field) => _messages.ContainsKey(field);

    /// <summary>The message for one field, or null when that field is fine.</summary>
    public string? For(string field) => _messages.GetValueOrDefault(field);

    /// <summary>Records a problem the page found itself; a field keeps its first message.</summary>
    public void Add(string field, string message) => _messages.TryAdd(field, message);
}
