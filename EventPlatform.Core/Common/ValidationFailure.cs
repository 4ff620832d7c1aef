namespace EventPlatform.Core.Common;

/// <summary>One problem with one input field, worded for the person who typed it.</summary>
/// <param name="Field">The input's name as the page knows it (e.g. <c>Name</c>, <c>Slug</c>), or <see cref="FormLevel"/>.</param>
/// <param name="Message">A sentence the user can act on.</param>
public sealed record ValidationFailure(string Field, string Message)
{
    /// <summary>
    /// The field of a problem with the request as a whole rather than with one input (a ticket type
    /// that has sales cannot be deleted): pages show it above or below the form, not next to a field.
    /// </summary>
    public const string FormLevel = "";
}

/// <summary>The outcome of a command: success with a value, or field errors that changed nothing.</summary>
public sealed class CommandResult<T>
{
    private CommandResult(T? value, IReadOnlyList<ValidationFailure> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }
    public IReadOnlyList<ValidationFailure> Errors { get; }
    public bool Succeeded => Errors.Count == 0;

    public static CommandResult<T> Success(T value) => new(value, []);
    public static CommandResult<T> Failure(params ValidationFailure[] errors) => new(default, errors);
    public static CommandResult<T> Failure(IReadOnlyList<ValidationFailure> errors) => new(default, errors);

    /// <summary>The message for one field, or <c>null</c> when that field is fine.</summary>
    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;
}
