using System;
using BadgeAdmin.Core.Http;

namespace BadgeAdmin.Core.Configuration.Plan;

/// <summary>
/// A replace that created the new loyalty badge but could not delete the old one (<see cref="Failure"/> says why).
/// Both badges are on the server; <see cref="Advice"/> says how the rest gets done (<see cref="RerunFinishes"/> says
/// which way, for the shell to name its commands).
/// </summary>
public sealed class ReplaceIncompleteException : Exception
{
    internal ReplaceIncompleteException(string target, Guid createdId, Guid oldId, bool fileNamesOldId, ApiException failure)
        : this(
            $"The loyalty badge '{target}' was created anew with the file's conditions ({createdId}), but the old badge ({oldId}) was not deleted",
            fileNamesOldId
                ? "Run the sync again, replacing allowed: it finds the new badge and deletes only the old one."
                // Named by name only, the two are alike to a rerun (NameAmbiguous): the old one has to be named.
                : $"The file names this badge by its name only, so a rerun would find two badges of that name: delete the old one ({oldId}) by its id.",
            createdId,
            oldId,
            fileNamesOldId,
            failure)
    {
    }

    private ReplaceIncompleteException(string summary, string advice, Guid createdId, Guid oldId, bool fileNamesOldId, ApiException failure)
        : base(summary + ". " + advice, failure)
    {
        Summary = summary;
        Advice = advice;
        RerunFinishes = fileNamesOldId;
        CreatedId = createdId;
        OldId = oldId;
        Failure = failure;
    }

    /// <summary>What happened, without the reason or the advice.</summary>
    public string Summary { get; }

    /// <summary>How the replace gets finished.</summary>
    public string Advice { get; }

    /// <summary>True when running the sync again finishes it (the file names the old badge by id); else the old badge has to be deleted by hand.</summary>
    public bool RerunFinishes { get; }

    /// <summary>The new badge, with the file's conditions.</summary>
    public Guid CreatedId { get; }

    /// <summary>The old badge, still there.</summary>
    public Guid OldId { get; }

    /// <summary>The failed delete.</summary>
    public ApiException Failure { get; }
}
