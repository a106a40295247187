using LearnGame.Grains.Sessions;
using LearnGame.Server.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LearnGame.FunctionalTests.Hosting;

/// <summary>Each configuration section's validator: one sentence per bad key, naming the key.</summary>
public sealed class SettingsValidatorsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private static ValidateOptionsResult Validate<T>(IValidateOptions<T> validator, IConfiguration configuration, string section) where T : class, new() =>
        validator.Validate(Options.DefaultName, StartupSettings.Read<T>(configuration.GetSection(section)));

    [Fact]
    public void The_defaults_are_valid()
    {
        var configuration = Configuration();
        Assert.True(Validate(new StorageSettingsValidator(), configuration, StorageSettings.Section).Succeeded);
        Assert.True(Validate(new RetentionOptionsValidator(configuration), configuration, RetentionOptions.Section).Succeeded);
        Assert.True(Validate(new OrleansSettingsValidator(configuration, _ => null), configuration, OrleansSettings.Section).Succeeded);
        Assert.True(Validate(new RealtimeOptionsValidator(configuration), configuration, RealtimeOptions.Section).Succeeded);
    }

    [Theory]
    [InlineData("Storage:Provider", "mysql", "Storage:Provider is \"mysql\"")]
    [InlineData("Storage:Provider", "postgres", "Storage:ConnectionString is empty")]
    public void A_bad_storage_setting_is_named(string key, string value, string message)
    {
        var result = Validate(new StorageSettingsValidator(), Configuration((key, value)), StorageSettings.Section);
        Assert.Contains(message, Assert.Single(result.Failures!));
    }

    [Theory]
    [InlineData("Retention:CheckEvery", "00:00:10", "Retention:CheckEvery is 00:00:10")]
    [InlineData("Retention:EndedSessions", "-1.00:00:00", "Retention:EndedSessions is -1.00:00:00")]
    [InlineData("Retention:EndedSessions", "thirty days", "are durations written d.hh:mm:ss")]
    [InlineData("Realtime:SendTimeoutSeconds", "0", "Realtime:SendTimeoutSeconds is \"0\"")]
    [InlineData("Realtime:SendTimeoutSeconds", "ten", "Realtime:SendTimeoutSeconds is \"ten\"")]
    [InlineData("Orleans:AdvertisedAddress", "nowhere", "Orleans:AdvertisedAddress \"nowhere\" is not an IP address")]
    [InlineData("Orleans:Kubernetes", "true", "Orleans:Kubernetes is true but Storage:Provider is not postgres")]
    public void A_bad_setting_is_named_in_one_sentence(string key, string value, string message)
    {
        var configuration = Configuration((key, value));
        var result = key.Split(':')[0] switch
        {
            RetentionOptions.Section => Validate(new RetentionOptionsValidator(configuration), configuration, RetentionOptions.Section),
            RealtimeOptions.Section => Validate(new RealtimeOptionsValidator(configuration), configuration, RealtimeOptions.Section),
            _ => Validate(new OrleansSettingsValidator(configuration, _ => null), configuration, OrleansSettings.Section),
        };
        Assert.Contains(message, Assert.Single(result.Failures!));
    }

    [Fact]
    public void Kubernetes_on_postgres_needs_a_pod()
    {
        var configuration = Configuration(("Orleans:Kubernetes", "true"), ("Storage:Provider", "postgres"));
        var outside = Validate(new OrleansSettingsValidator(configuration, _ => null), configuration, OrleansSettings.Section);
        var inside = Validate(new OrleansSettingsValidator(configuration, name => name == "KUBERNETES_SERVICE_HOST" ? "10.0.0.1" : null), configuration, OrleansSettings.Section);
        Assert.Contains("KUBERNETES_SERVICE_HOST is not set", Assert.Single(outside.Failures!));
        Assert.True(inside.Succeeded);
    }

    [Fact]
    public void Two_bad_keys_of_one_section_give_two_sentences()
    {
        var configuration = Configuration(("Retention:CheckEvery", "00:00:10"), ("Retention:EndedSessions", "-1.00:00:00"));
        var result = Validate(new RetentionOptionsValidator(configuration), configuration, RetentionOptions.Section);
        Assert.Equal(2, result.Failures!.Count());
    }
}
