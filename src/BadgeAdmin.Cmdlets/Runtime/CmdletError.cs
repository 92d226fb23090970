using System;
using System.Management.Automation;

namespace BadgeAdmin.Cmdlets.Runtime;

/// <summary>
/// An error the module reports: the exception, a named ErrorId, its category and target, and the details PowerShell
/// shows in place of the exception message (the server's explanation with the call that failed).
/// </summary>
internal sealed class CmdletError
{
    public CmdletError(Exception exception, string errorId, ErrorCategory category, object? targetObject)
    {
        Exception = exception;
        ErrorId = errorId;
        Category = category;
        TargetObject = targetObject;
    }

    public Exception Exception { get; }

    public string ErrorId { get; }

    public ErrorCategory Category { get; }

    public object? TargetObject { get; }

    /// <summary>Shown by PowerShell in place of the exception message: the server's explanation with the call that failed.</summary>
    public string? DetailsMessage { get; init; }

    public string? RecommendedAction { get; init; }

    public ErrorRecord ToErrorRecord()
    {
        var record = new ErrorRecord(Exception, ErrorId, Category, TargetObject);
        if (DetailsMessage is not null || RecommendedAction is not null)
        {
            record.ErrorDetails = new ErrorDetails(DetailsMessage ?? Exception.Message) { RecommendedAction = RecommendedAction };
        }

        return record;
    }

    public override string ToString() => $"{ErrorId} ({Category}): {DetailsMessage ?? Exception.Message}";
}
