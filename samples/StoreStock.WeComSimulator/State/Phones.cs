using System.Text.Json.Nodes;

namespace StoreStock.WeComSimulator.State;

/// <summary>
/// Every member's phone (userids compare case-insensitively, as in WeCom): the messages delivered to them, in order,
/// with each template card's own copy (an update changes only the copies it targets). Not thread-safe: used under the
/// state's lock.
/// </summary>
public sealed class Phones
{
    private readonly Dictionary<string, Phone> _phones = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<(Phone Phone, CardCopy Copy)>> _copiesByTask = new(StringComparer.Ordinal);

    public IEnumerable<Phone> All => _phones.Values;

    public Phone? Find(string userId) => _phones.GetValueOrDefault(userId);

    public Phone Of(string userId)
    {
        if (!_phones.TryGetValue(userId, out var phone))
        {
            _phones[userId] = phone = new Phone(userId);
        }

        return phone;
    }

    public void Deliver(Phone phone, PhoneMessage message)
    {
        phone.Messages.Add(message);
        phone.Changed();
        if (message.Card is { } card)
        {
            if (!_copiesByTask.TryGetValue(card.TaskId, out var copies))
            {
                _copiesByTask[card.TaskId] = copies = [];
            }

            copies.Add((phone, card));
        }
    }

    /// <summary>The copies of a card (by task_id) held by the given members, or by every recipient when userIds is null.</summary>
    public IEnumerable<(Phone Phone, CardCopy Copy)> Copies(string taskId, IReadOnlySet<string>? userIds) =>
        _copiesByTask.TryGetValue(taskId, out var copies)
            ? copies.Where(c => userIds is null || userIds.Contains(c.Phone.UserId))
            : [];

    public void Clear()
    {
        _phones.Clear();
        _copiesByTask.Clear();
    }
}

public sealed class Phone(string userId)
{
    public string UserId { get; } = userId;

    public List<PhoneMessage> Messages { get; } = [];

    /// <summary>Messages WeCom accepted for this member but dropped over the per-member rate limit.</summary>
    public int Dropped { get; private set; }

    /// <summary>Goes up with every delivery, drop and card update, so a page polls a phone's messages only when it changed.</summary>
    public long Version { get; private set; }

    public void Drop()
    {
        Dropped++;
        Changed();
    }

    public void Changed() => Version++;
}

/// <summary>One delivered message: its type and the type's object exactly as sent (text, textcard, markdown, template_card).</summary>
public sealed record PhoneMessage(string MsgId, string Type, DateTimeOffset ReceivedAt, JsonObject Content, CardCopy? Card);

/// <summary>
/// A member's copy of a template card. <see cref="Updated"/> once any update reached it; <see cref="ReplaceText"/> is
/// the text of the greyed-out buttons (button.replace_name, or replace_text of a replacement card) — while it is set
/// the buttons cannot be clicked.
/// </summary>
public sealed class CardCopy(string taskId, JsonObject current)
{
    public string TaskId { get; } = taskId;

    /// <summary>The current card's card_type (a sent or replacement card has passed the card rules, so it has one).</summary>
    public string CardType => (string)Current["card_type"]!;

    public JsonObject Current { get; private set; } = current;

    public bool Updated => UpdatedAt is not null;

    public string? ReplaceText { get; private set; }

    public DateTimeOffset? UpdatedAt { get; private set; }

    public void ReplaceButtons(string replaceName, DateTimeOffset now)
    {
        ReplaceText = replaceName;
        UpdatedAt = now;
    }

    public void ReplaceCard(JsonObject card, DateTimeOffset now)
    {
        Current = card;
        ReplaceText = (string?)card["replace_text"];
        UpdatedAt = now;
    }

    /// <summary>A callback button (type 0) of the current card with this key, unless the buttons are greyed out.</summary>
    public bool CanClick(string key) =>
        ReplaceText is null &&
        Current["button_list"] is JsonArray buttons &&
        buttons.OfType<JsonObject>().Any(b => ((int?)b["type"] ?? 0) == 0 && string.Equals((string?)b["key"], key, StringComparison.Ordinal));
}
