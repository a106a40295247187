using System.Globalization;
using System.Net;
using LearnGame.Grains.Sessions;
using Microsoft.Extensions.Options;

namespace LearnGame.Server.Extensions;

/// <summary>The "Storage" section: a known provider, and a connection string for PostgreSQL.</summary>
public sealed class StorageSettingsValidator : IValidateOptions<StorageSettings>
{
    public ValidateOptionsResult Validate(string? name, StorageSettings options)
    {
        var failures = new List<string>();
        var provider = options.Provider.Trim().ToLowerInvariant();
        if (provider is not (StorageSettings.Sqlite or StorageSettings.Postgres))
            failures.Add($"Storage:Provider is \"{options.Provider}\"; it must be \"{StorageSettings.Sqlite}\" or \"{StorageSettings.Postgres}\".");
        if (provider == StorageSettings.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
            failures.Add("Storage:Provider is postgres but Storage:ConnectionString is empty (for example \"Host=127.0.0.1;Port=5432;Database=learngame;Username=learngame;Password=…\").");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>The "Orleans" section: an IP address to advertise, and Kubernetes hosting only in a pod, on PostgreSQL.</summary>
public sealed class OrleansSettingsValidator(IConfiguration configuration, Func<string, string?> environment) : IValidateOptions<OrleansSettings>
{
    public OrleansSettingsValidator(IConfiguration configuration) : this(configuration, Environment.GetEnvironmentVariable)
    {
    }

    public ValidateOptionsResult Validate(string? name, OrleansSettings options)
    {
        var failures = new List<string>();
        if (!IPAddress.TryParse(options.AdvertisedAddress, out _))
            failures.Add($"Orleans:AdvertisedAddress \"{options.AdvertisedAddress}\" is not an IP address.");
        var storage = StartupSettings.Read<StorageSettings>(configuration.GetSection(StorageSettings.Section));
        if (options.Kubernetes && !storage.Provider.Trim().Equals(StorageSettings.Postgres, StringComparison.OrdinalIgnoreCase))
            failures.Add("Orleans:Kubernetes is true but Storage:Provider is not postgres: silos in Kubernetes share their membership and state through PostgreSQL.");
        else if (options.Kubernetes && string.IsNullOrEmpty(environment("KUBERNETES_SERVICE_HOST")))
            failures.Add("Orleans:Kubernetes is true but this process does not run in a Kubernetes pod (KUBERNETES_SERVICE_HOST is not set).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>The "Retention" section: durations that are written d.hh:mm:ss and that the purge reminder can work with.</summary>
public sealed class RetentionOptionsValidator(IConfiguration configuration) : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var section = configuration.GetSection(RetentionOptions.Section);
        string[] keys = [nameof(RetentionOptions.EndedSessions), nameof(RetentionOptions.CheckEvery)];
        // Binding leaves a value it cannot read at its default: the raw text is checked here so that it is not silently ignored.
        if (keys.Any(k => section[k] is { } text && !TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out _)))
            return ValidateOptionsResult.Fail("Retention:EndedSessions and Retention:CheckEvery are durations written d.hh:mm:ss (for example 30.00:00:00 for 30 days).");
        return options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}

/// <summary>The "Realtime" section.</summary>
public sealed class RealtimeOptions
{
    public const string Section = "Realtime";

    /// <summary>SignalR closes a connection that has not taken a message for this long.</summary>
    public int SendTimeoutSeconds { get; set; } = Realtime.RealtimeExtensions.DefaultSendTimeoutSeconds;
}

/// <summary>Realtime:SendTimeoutSeconds is a whole number of seconds from 1 to 600.</summary>
public sealed class RealtimeOptionsValidator(IConfiguration configuration) : IValidateOptions<RealtimeOptions>
{
    public const int MaxSendTimeoutSeconds = 600;

    public ValidateOptionsResult Validate(string? name, RealtimeOptions options)
    {
        var text = configuration[$"{RealtimeOptions.Section}:{nameof(RealtimeOptions.SendTimeoutSeconds)}"] ?? options.SendTimeoutSeconds.ToString(CultureInfo.InvariantCulture);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= MaxSendTimeoutSeconds
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Realtime:SendTimeoutSeconds is \"{text}\"; it must be a whole number of seconds from 1 to {MaxSendTimeoutSeconds}.");
    }
}
