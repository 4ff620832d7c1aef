namespace EventPlatform.Core.Notifications;

/// <summary>Wakes the outbox worker after an email was committed, so it need not wait for its next poll.</summary>
public interface IOutboxWakeUp
{
    void Nudge();
}
