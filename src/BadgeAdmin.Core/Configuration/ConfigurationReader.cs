using System;
using System.Collections.Generic;
using System.Globalization;
using BadgeAdmin.Core.Configuration.Model;
using BadgeAdmin.Core.Configuration.Syntax;
using BadgeAdmin.Core.Snag.Models;
using System.Runtime.CompilerServices;
using BadgeAdmin.Core.Performance;

namespace BadgeAdmin.Core.Configuration;

/// <summary>
/// Reads a file's tokens straight into the model, in one pass with no tree in between, checking everything that can
/// be known without a request: the schema's shape (unknown or repeated properties, wrong types, required ones
/// missing), values (GUIDs, http(s) URLs, condition and reward types), duplicate names or ids in one scope, and entries
/// naming a badge their directory does not define. Every problem is reported at once, each with its line and property
/// (<see cref="ConfigurationFileException"/>). Lines are looked up only for items (which keep theirs for the plan's
/// messages) and for problems.
/// </summary>
internal sealed class ConfigurationReader
{
    private static readonly PropertySet DocumentProperties = new("$schema", "partnerPage", "snag");
    private static readonly PropertySet PartnerPageProperties = new("directories");
    private static readonly PropertySet DirectoryProperties = new("id", "name", "badges", "entries");
    private static readonly PropertySet DirectoryBadgeProperties = new("id", "name", "image");
    private static readonly PropertySet EntryProperties = new("id", "name", "badges");
    private static readonly PropertySet EntryBadgeProperties = new("badge", "order");
    private static readonly PropertySet SnagProperties = new("organizationId", "websites");
    private static readonly PropertySet WebsiteProperties = new("id", "name", "badges");
    private static readonly PropertySet LoyaltyBadgeProperties = new("id", "name", "description", "imageUrl", "hideInUi", "conditions", "rewards");
    private static readonly PropertySet ConditionProperties = new(LoyaltyBadgeForm.ConditionFields);
    private static readonly PropertySet RewardProperties = new(LoyaltyBadgeForm.RewardFields);

    private readonly IConfigurationTokens _tokens;
    private readonly ProblemList _problems;
    private readonly PropertyPath _path = new();
    private readonly List<Guid> _ids = new();

    private ConfigurationReader(IConfigurationTokens tokens, ProblemList problems)
    {
        _tokens = tokens;
        _problems = problems;
    }

    [MethodImpl(HotPath.Optimized)]
    public static BadgeConfiguration Read(IConfigurationTokens tokens, string file)
    {
        var reader = new ConfigurationReader(tokens, new ProblemList(file));
        var configuration = reader.ReadDocument(file);
        reader._problems.ThrowIfAny();
        return configuration;
    }

    [MethodImpl(HotPath.Optimized)]
    private BadgeConfiguration ReadDocument(string file)
    {
        Advance(); // the syntaxes refuse an empty file, so there is a value
        var line = Line();
        PartnerPageConfiguration? partnerPage = null;
        SnagConfiguration? snag = null;
        var fields = BeginObject(DocumentProperties);
        while (NextProperty(ref fields, out var name))
        {
            switch (name)
            {
                case "$schema":
                    String();
                    break;
                case "partnerPage":
                    partnerPage = ReadPartnerPage();
                    break;
                case "snag":
                    snag = ReadSnag();
                    break;
            }
        }

        if (fields.IsObject && partnerPage is null && snag is null && _problems.Count == 0)
        {
            _problems.Add(line, string.Empty, "the file names neither 'partnerPage' nor 'snag', so there is nothing to compare");
        }

        if (_tokens.Read()) _problems.Add(Line(), string.Empty, "more than one value in the file");
        return new BadgeConfiguration { File = file, PartnerPage = partnerPage, Snag = snag };
    }

    [MethodImpl(HotPath.Optimized)]
    private PartnerPageConfiguration ReadPartnerPage()
    {
        var section = new PartnerPageConfiguration();
        var fields = BeginObject(PartnerPageProperties);
        while (NextProperty(ref fields, out _))
        {
            var list = BeginList();
            while (NextItem(ref list)) section.Directories.Add(ReadDirectory());
            Unique(section.Directories, d => d.Id, d => d.Name, d => d.Line, "directory");
        }

        Require(fields, "directories");
        return section;
    }

    [MethodImpl(HotPath.Optimized)]
    private DirectoryConfiguration ReadDirectory()
    {
        var line = Line();
        Guid? id = null;
        string? name = null;
        var badges = new List<DirectoryBadgeConfiguration>();
        var entries = new List<(EntryConfiguration Entry, List<EntryBadgeReference> Badges)>();
        var fields = BeginObject(DirectoryProperties);
        while (NextProperty(ref fields, out var property))
        {
            switch (property)
            {
                case "id":
                    id = Guid();
                    break;
                case "name":
                    name = String(required: true);
                    break;
                case "badges":
                    var badgeList = BeginList();
                    while (NextItem(ref badgeList)) badges.Add(ReadDirectoryBadge());
                    Unique(badges, b => b.Id, b => b.Name, b => b.Line, "badge");
                    break;
                case "entries":
                    var entryList = BeginList();
                    while (NextItem(ref entryList)) entries.Add(ReadEntry());
                    Unique(entries, e => e.Entry.Id, e => e.Entry.Name, e => e.Entry.Line, "entry");
                    break;
            }
        }

        Require(fields, "name");
        var directory = new DirectoryConfiguration { Id = id, Name = name ?? string.Empty, Line = line };
        directory.Badges.AddRange(badges);
        // Entries name the directory's badges, which the file may list after them: resolved once the directory is read.
        for (var i = 0; i < entries.Count; i++) directory.Entries.Add(Resolve(directory, i, entries[i].Entry, entries[i].Badges));
        return directory;
    }

    [MethodImpl(HotPath.Optimized)]
    private DirectoryBadgeConfiguration ReadDirectoryBadge()
    {
        var line = Line();
        Guid? id = null;
        string? name = null;
        string? image = null;
        var fields = BeginObject(DirectoryBadgeProperties);
        while (NextProperty(ref fields, out var property))
        {
            switch (property)
            {
                case "id":
                    id = Guid();
                    break;
                case "name":
                    name = String(required: true);
                    break;
                case "image":
                    image = Url(required: true);
                    break;
            }
        }

        Require(fields, "name");
        Require(fields, "image");
        return new DirectoryBadgeConfiguration { Id = id, Name = name ?? string.Empty, Image = image ?? string.Empty, Line = line };
    }

    [MethodImpl(HotPath.Optimized)]
    private (EntryConfiguration, List<EntryBadgeReference>) ReadEntry()
    {
        var line = Line();
        Guid? id = null;
        string? name = null;
        var badges = new List<EntryBadgeReference>();
        var fields = BeginObject(EntryProperties);
        while (NextProperty(ref fields, out var property))
        {
            switch (property)
            {
                case "id":
                    id = Guid();
                    break;
                case "name":
                    name = String(required: true);
                    break;
                case "badges":
                    var list = BeginList();
                    while (NextItem(ref list))
                    {
                        if (ReadEntryBadge(list.Count - 1) is { } badge) badges.Add(badge);
                    }

                    break;
            }
        }

        Require(fields, "name");
        Require(fields, "badges");
        return (new EntryConfiguration { Id = id, Name = name ?? string.Empty, Line = line }, badges);
    }

    [MethodImpl(HotPath.Optimized)]
    private EntryBadgeReference? ReadEntryBadge(int index)
    {
        var line = Line();
        string? badge = null;
        var badgeLine = 0;
        int? order = null;
        var fields = BeginObject(EntryBadgeProperties);
        while (NextProperty(ref fields, out var property))
        {
            switch (property)
            {
                case "badge":
                    badgeLine = Line();
                    badge = String(required: true);
                    break;
                case "order":
                    order = Integer(minimum: 0);
                    break;
            }
        }

        Require(fields, "badge");
        return badge is null ? null : new EntryBadgeReference(badge, order, line, badgeLine, index);
    }

    /// <summary>The entry with the badges it names, each found among its directory's (the exact spelling first, then any casing).</summary>
    [MethodImpl(HotPath.Optimized)]
    private EntryConfiguration Resolve(DirectoryConfiguration directory, int entryIndex, EntryConfiguration entry, List<EntryBadgeReference> references)
    {
        var carried = new Dictionary<DirectoryBadgeConfiguration, int>();
        foreach (var reference in references)
        {
            string Where() => $"{_path}.entries[{entryIndex}].badges[{reference.Index}].badge";
            var named = directory.Badges.FindAll(b => string.Equals(b.Name, reference.Badge, StringComparison.Ordinal));
            if (named.Count == 0) named = directory.Badges.FindAll(b => string.Equals(b.Name, reference.Badge, StringComparison.OrdinalIgnoreCase));
            if (named.Count == 0)
            {
                _problems.Add(reference.BadgeLine, Where(), $"'{reference.Badge}' is not a badge of directory '{directory.Name}' (its badges list defines the names entries may use)");
            }
            else if (named.Count > 1)
            {
                _problems.Add(reference.BadgeLine, Where(), $"'{reference.Badge}' names {named.Count} badges of directory '{directory.Name}' (lines {string.Join(", ", named.ConvertAll(b => b.Line))})");
            }
            else if (carried.TryGetValue(named[0], out var earlier))
            {
                _problems.Add(reference.BadgeLine, Where(), $"the entry lists badge '{reference.Badge}' twice (also on line {earlier})");
            }
            else
            {
                carried[named[0]] = reference.Line;
                entry.Badges.Add(new EntryBadgeConfiguration { Badge = reference.Badge, Order = reference.Order, Line = reference.Line, Target = named[0] });
            }
        }

        return entry;
    }

    [MethodImpl(HotPath.Optimized)]
    private SnagConfiguration ReadSnag()
    {
        Guid? organizationId = null;
        var websites = new List<WebsiteConfiguration>();
        var fields = BeginObject(SnagProperties);
        while (NextProperty(ref fields, out var property))
        {
            switch (property)
            {
                case "organizationId":
                    organizationId = Guid();
                    break;
                case "websites":
                    var list = BeginList();
                    while (NextItem(ref list)) websites.Add(ReadWebsite());
                    Unique(websites, w => w.Id, w => w.Name, w => w.Line, "website");
                    break;
            }
        }

        Require(fields, "websites");
        var section = new SnagConfiguration { OrganizationId = organizationId };
        section.Websites.AddRange(websites);
        return section;
    }

    [MethodImpl(HotPath.Optimized)]
    private WebsiteConfiguration ReadWebsite()
    {
        var line = Line();
        Guid? id = null;
        string? name = null;
        var badges = new List<LoyaltyBadgeConfiguration>();
        var fields = BeginObject(WebsiteProperties);
        while (NextProperty(ref fields, out var property))
        {
            switch (property)
            {
                case "id":
                    id = Guid();
                    break;
                case "name":
                    name = String(required: true);
                    break;
                case "badges":
                    var list = BeginList();
                    while (NextItem(ref list)) badges.Add(ReadLoyaltyBadge());
                    Unique(badges, b => b.Id, b => b.Name, b => b.Line, "badge");
                    break;
            }
        }

        Require(fields, "name");
        var website = new WebsiteConfiguration { Id = id, Name = name ?? string.Empty, Line = line };
        website.Badges.AddRange(badges);
        return website;
    }

    [MethodImpl(HotPath.Optimized)]
    private LoyaltyBadgeConfiguration ReadLoyaltyBadge()
    {
        var line = Line();
        Guid? id = null;
        string? name = null;
        string? description = null;
        string? imageUrl = null;
        bool? hideInUi = null;
        var conditions = new List<LoyaltyCondition>(1);
        List<LoyaltyReward>? rewards = null;
        var fields = BeginObject(LoyaltyBadgeProperties);
        while (NextProperty(ref fields, out var property))
        {
            switch (property)
            {
                case "id":
                    id = Guid();
                    break;
                case "name":
                    name = String(required: true);
                    break;
                case "description":
                    description = String(allowNull: true);
                    break;
                case "imageUrl":
                    imageUrl = Url(required: true);
                    break;
                case "hideInUi":
                    hideInUi = Bool();
                    break;
                case "conditions":
                    var conditionList = BeginList();
                    while (NextItem(ref conditionList)) conditions.Add(ReadCondition());
                    if (conditionList is { IsList: true, Count: 0 }) _problems.Add(_tokens.LineOf(conditionList.Position), _path.ToString(), "a badge needs at least one condition");
                    break;
                case "rewards":
                    rewards = new List<LoyaltyReward>();
                    var rewardList = BeginList();
                    while (NextItem(ref rewardList)) rewards.Add(ReadReward());
                    break;
            }
        }

        Require(fields, "name");
        Require(fields, "imageUrl");
        Require(fields, "conditions");
        return new LoyaltyBadgeConfiguration
        {
            Id = id,
            Name = name ?? string.Empty,
            HasDescription = fields.Has("description"),
            Description = description,
            ImageUrl = imageUrl ?? string.Empty,
            HideInUi = hideInUi,
            Conditions = conditions,
            Rewards = rewards,
            Line = line,
        };
    }

    [MethodImpl(HotPath.Optimized)]
    private LoyaltyCondition ReadCondition()
    {
        var condition = new LoyaltyCondition();
        var fields = BeginObject(ConditionProperties);
        while (NextProperty(ref fields, out var property))
        {
            switch (property)
            {
                case "type":
                    condition.Type = KnownType(LoyaltyCondition.KnownTypes, "condition type");
                    break;
                case "amount":
                    condition.Amount = Number();
                    break;
                case "repeatCount":
                    condition.RepeatCount = Integer();
                    break;
                case "requiredCount":
                    condition.RequiredCount = Integer();
                    break;
                case "description":
                    condition.Description = String(allowNull: true);
                    break;
                case "csvUrl":
                    condition.CsvUrl = String(allowNull: true);
                    break;
                case "loyaltyRuleIds":
                    condition.LoyaltyRuleIds = Guids();
                    break;
                case "loyaltyRuleGroupIds":
                    condition.LoyaltyRuleGroupIds = Guids();
                    break;
                case "loyaltyRuleChainId":
                    condition.LoyaltyRuleChainId = Guid();
                    break;
                case "loyaltyCurrencyIds":
                    condition.LoyaltyCurrencyIds = Guids();
                    break;
                case "loyaltyBadgeIds":
                    condition.LoyaltyBadgeIds = Guids();
                    break;
                case "loyaltyLeaderboardViewIds":
                    condition.LoyaltyLeaderboardViewIds = Guids();
                    break;
                default:
                    throw new InvalidOperationException($"The condition property '{property}' is allowed but not read.");
            }
        }

        Require(fields, "type");
        return condition;
    }

    [MethodImpl(HotPath.Optimized)]
    private LoyaltyReward ReadReward()
    {
        var reward = new LoyaltyReward();
        var fields = BeginObject(RewardProperties);
        while (NextProperty(ref fields, out var property))
        {
            switch (property)
            {
                case "rewardType":
                    reward.RewardType = KnownType(LoyaltyReward.KnownTypes, "reward type");
                    break;
                case "amount":
                    reward.Amount = Number();
                    break;
                case "multiplier":
                    reward.Multiplier = Number();
                    break;
                case "isRetroactive":
                    reward.IsRetroactive = Bool();
                    break;
                case "loyaltyCurrencyId":
                    reward.LoyaltyCurrencyId = Guid();
                    break;
                case "loyaltyCurrencyIds":
                    reward.LoyaltyCurrencyIds = Guids();
                    break;
                default:
                    throw new InvalidOperationException($"The reward property '{property}' is allowed but not read.");
            }
        }

        Require(fields, "rewardType");
        return reward;
    }

    [MethodImpl(HotPath.Optimized)]
    private string? KnownType(IReadOnlyList<string> known, string what)
    {
        var value = String(required: true);
        if (value is null) return null;
        // Exactly as the schema spells them, so an editor and this reader agree on what is valid.
        for (var i = 0; i < known.Count; i++)
        {
            if (string.Equals(known[i], value, StringComparison.Ordinal)) return known[i];
        }

        Problem($"'{value}' is not a {what}; use one of {string.Join(", ", known)}");
        return value;
    }

    /// <summary>
    /// Ids and names (any casing) must be unique in a scope, even between items that both carry an id: a name is how a
    /// person (and an entry's badge list) tells the items apart, and how a plan names them. Called with the list's
    /// property on the path.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    private void Unique<T>(IReadOnlyList<T> items, Func<T, Guid?> id, Func<T, string> name, Func<T, int> line, string what)
    {
        var byId = new Dictionary<Guid, int>(items.Count);
        var byName = new Dictionary<string, int>(items.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (id(item) is { } key)
            {
                if (byId.TryGetValue(key, out var first)) _problems.Add(line(item), _path.Item(i, "id"), $"{what} id {key} appears twice (also on line {first})");
                else byId[key] = line(item);
            }

            var label = name(item);
            if (label.Length == 0) continue;
            if (byName.TryGetValue(label, out var earlier))
            {
                _problems.Add(line(item), _path.Item(i, "name"), $"two {what}s named '{label}' in one scope, on lines {earlier} and {line(item)}; rename one (names are unique within their scope, even with ids)");
            }
            else
            {
                byName[label] = line(item);
            }
        }
    }

    // The shape of the file. Each reader of a value starts on its first token and ends on its last.

    /// <summary>Starts reading the object here; anything else is reported and skipped.</summary>
    [MethodImpl(HotPath.Optimized)]
    private ObjectFields BeginObject(PropertySet properties)
    {
        var isObject = _tokens.Token == ConfigToken.StartObject;
        if (!isObject) Mismatch("an object");
        return new ObjectFields(properties, _tokens.Position, isObject);
    }

    /// <summary>
    /// Moves to the value of the object's next property, its name on the path; false at the object's end. A property
    /// the object may not have, or has already had, is reported and skipped.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    private bool NextProperty(ref ObjectFields fields, out string name)
    {
        name = string.Empty;
        if (!fields.IsObject) return false;
        if (fields.OnProperty) _path.Pop();
        fields.OnProperty = false;
        while (true)
        {
            Advance();
            if (_tokens.Token == ConfigToken.EndObject) return false;
            name = _tokens.GetString();
            var nameLine = _tokens.Position;
            var index = fields.Properties.IndexOf(name);
            Advance();
            _path.Push(name);
            if (index >= 0 && fields.See(index))
            {
                fields.OnProperty = true;
                return true;
            }

            if (index >= 0 || !fields.SeeUnknown(name)) _problems.Add(_tokens.LineOf(nameLine), _path.ToString(), $"the property '{name}' appears twice in one object");
            else _problems.Add(_tokens.LineOf(nameLine), _path.ToString(), $"unknown property '{name}' (allowed here: {fields.Properties.Allowed})");
            Skip();
            _path.Pop();
        }
    }

    [MethodImpl(HotPath.Optimized)]
    private void Require(in ObjectFields fields, string name)
    {
        if (fields.IsObject && !fields.Has(name)) _problems.Add(_tokens.LineOf(fields.Position), _path.Child(name), $"required property '{name}' is missing");
    }

    /// <summary>Starts reading the list here; anything else is reported and skipped.</summary>
    [MethodImpl(HotPath.Optimized)]
    private ListItems BeginList()
    {
        var isList = _tokens.Token == ConfigToken.StartArray;
        if (!isList) Mismatch("a list");
        return new ListItems(_tokens.Position, isList);
    }

    /// <summary>Moves to the list's next item, its index on the path; false at the list's end.</summary>
    [MethodImpl(HotPath.Optimized)]
    private bool NextItem(ref ListItems items)
    {
        if (!items.IsList) return false;
        if (items.Count > 0) _path.Pop();
        Advance();
        if (_tokens.Token == ConfigToken.EndArray) return false;
        _path.Push(items.Count++);
        return true;
    }

    [MethodImpl(HotPath.Optimized)]
    private string? String(bool required = false, bool allowNull = false)
    {
        if (Is(ConfigScalarKind.String))
        {
            var text = _tokens.GetString();
            if (required && string.IsNullOrWhiteSpace(text)) Problem("must not be empty");
            return text;
        }

        if (!(allowNull && Is(ConfigScalarKind.Null))) Mismatch("a string");
        return null;
    }

    [MethodImpl(HotPath.Optimized)]
    private string? Url(bool required = false)
    {
        var text = String(required);
        if (text is not null && !(Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            Problem($"'{text}' is not an http(s) URL");
        }

        return text;
    }

    [MethodImpl(HotPath.Optimized)]
    private Guid? Guid()
    {
        if (_tokens.TryGetGuid(out var id)) return id;
        if (Is(ConfigScalarKind.String)) Problem($"'{_tokens.GetString()}' is not a GUID");
        else Mismatch("a GUID string");
        return null;
    }

    [MethodImpl(HotPath.Optimized)]
    private Guid[]? Guids()
    {
        var items = BeginList();
        if (!items.IsList) return null;
        _ids.Clear();
        while (NextItem(ref items))
        {
            if (Guid() is { } id) _ids.Add(id);
        }

        return _ids.ToArray();
    }

    [MethodImpl(HotPath.Optimized)]
    private bool? Bool()
    {
        if (Is(ConfigScalarKind.Boolean)) return _tokens.GetString() == "true";
        Mismatch("true or false");
        return null;
    }

    [MethodImpl(HotPath.Optimized)]
    private double? Number()
    {
        if (Is(ConfigScalarKind.Null)) return null;
        if (_tokens.TryGetNumber(out var value)) return value;
        Mismatch("a number");
        return null;
    }

    [MethodImpl(HotPath.Optimized)]
    private int? Integer(int minimum = int.MinValue)
    {
        if (Number() is not { } value) return null;
        if (value == Math.Floor(value) && value >= minimum && value <= int.MaxValue) return (int)value;
        var shown = value.ToString(CultureInfo.InvariantCulture);
        Problem(minimum == 0 ? $"expected a whole number from 0 up, found {shown}" : $"expected a whole number, found {shown}");
        return null;
    }

    [MethodImpl(HotPath.Optimized)]
    private bool Is(ConfigScalarKind kind) => _tokens.Token == ConfigToken.Scalar && _tokens.ScalarKind == kind;

    /// <summary>A value that is not what the schema wants here: reported, and skipped.</summary>
    [MethodImpl(HotPath.Optimized)]
    private void Mismatch(string expected)
    {
        Problem($"expected {expected}, found {Describe()}");
        Skip();
    }

    /// <summary>What the current value is, in a user's words.</summary>
    [MethodImpl(HotPath.Optimized)]
    private string Describe() => _tokens.Token switch
    {
        ConfigToken.StartObject => "an object",
        ConfigToken.StartArray => "a list",
        _ => _tokens.ScalarKind switch
        {
            ConfigScalarKind.String => "a string",
            ConfigScalarKind.Number => "a number",
            ConfigScalarKind.Boolean => "a boolean",
            _ => "null",
        },
    };

    /// <summary>A problem with the value here, on its line and path.</summary>
    [MethodImpl(HotPath.Optimized)]
    private void Problem(string message) => _problems.Add(Line(), _path.ToString(), message);

    [MethodImpl(HotPath.Optimized)]
    private int Line() => _tokens.LineOf(_tokens.Position);

    /// <summary>Moves past the value here (to its last token).</summary>
    [MethodImpl(HotPath.Optimized)]
    private void Skip()
    {
        if (_tokens.Token is not (ConfigToken.StartObject or ConfigToken.StartArray)) return;
        for (var depth = 1; depth > 0;)
        {
            Advance();
            if (_tokens.Token is ConfigToken.StartObject or ConfigToken.StartArray) depth++;
            else if (_tokens.Token is ConfigToken.EndObject or ConfigToken.EndArray) depth--;
        }
    }

    [MethodImpl(HotPath.Optimized)]
    private void Advance()
    {
        // The syntaxes end a file only after a whole value, and throw for one cut short.
        if (!_tokens.Read()) throw new InvalidOperationException("The file's tokens ended inside a value.");
    }

    /// <summary>The object being read: its properties so far (for repeats and required ones), and where it starts.</summary>
    private struct ObjectFields
    {
        private ulong _seen;
        private List<string>? _unknown;

        public ObjectFields(PropertySet properties, long position, bool isObject)
        {
            Properties = properties;
            Position = position;
            IsObject = isObject;
            OnProperty = false;
            _seen = 0;
            _unknown = null;
        }

        public PropertySet Properties { get; }

        public long Position { get; }

        /// <summary>False when the value was not an object (already reported): it has no properties.</summary>
        public bool IsObject { get; }

        /// <summary>Whether a property's name is on the path.</summary>
        public bool OnProperty { get; set; }

        [MethodImpl(HotPath.Optimized)]
        public readonly bool Has(string name) => Properties.IndexOf(name) is var index and >= 0 && (_seen & (1UL << index)) != 0;

        /// <summary>Notes a known property; false when the object had it already.</summary>
        [MethodImpl(HotPath.Optimized)]
        public bool See(int index)
        {
            var bit = 1UL << index;
            if ((_seen & bit) != 0) return false;
            _seen |= bit;
            return true;
        }

        /// <summary>Notes an unknown property; false when the object had it already.</summary>
        [MethodImpl(HotPath.Optimized)]
        public bool SeeUnknown(string name)
        {
            _unknown ??= new List<string>();
            if (_unknown.Contains(name)) return false;
            _unknown.Add(name);
            return true;
        }
    }

    /// <summary>The list being read: how many items so far, and where it starts.</summary>
    private struct ListItems
    {
        public ListItems(long position, bool isList)
        {
            Position = position;
            IsList = isList;
            Count = 0;
        }

        public long Position { get; }

        /// <summary>False when the value was not a list (already reported): it has no items.</summary>
        public bool IsList { get; }

        public int Count { get; set; }
    }

    /// <summary>A badge an entry names, kept until its directory's badges are all known.</summary>
    private sealed class EntryBadgeReference
    {
        public EntryBadgeReference(string badge, int? order, int line, int badgeLine, int index)
        {
            Badge = badge;
            Order = order;
            Line = line;
            BadgeLine = badgeLine;
            Index = index;
        }

        public string Badge { get; }

        public int? Order { get; }

        /// <summary>The line of the entry's badge item.</summary>
        public int Line { get; }

        /// <summary>The line of its <c>badge</c> value, where a problem with the name is reported.</summary>
        public int BadgeLine { get; }

        /// <summary>Its place in the entry's badges.</summary>
        public int Index { get; }
    }
}
