namespace StoreStock.Engine.Activities;

/// <summary>An activity's answer to a cancel it cannot honour, such as goods that have already left; the message says why.</summary>
public sealed class CancelRefusedException(string message) : Exception(message);
