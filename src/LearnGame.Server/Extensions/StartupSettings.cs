using Microsoft.Extensions.Options;

namespace LearnGame.Server.Extensions;

/// <summary>
/// Configuration sections bound with the options pattern and validated by their <see cref="IValidateOptions{T}"/>
/// once when they are read at start-up, before anything touches a database, and again by ValidateOnStart.
/// </summary>
public static class StartupSettings
{
    /// <summary>Binds <paramref name="section"/> to <typeparamref name="T"/>, validates it now and at start-up.</summary>
    /// <exception cref="OptionsValidationException">One failure per bad key, each a sentence naming the key.</exception>
    public static T AddValidated<T>(this WebApplicationBuilder builder, string section, IValidateOptions<T> validator) where T : class, new()
    {
        builder.Services.AddSingleton(validator);
        builder.Services.AddOptions<T>().Bind(builder.Configuration.GetSection(section)).ValidateOnStart();
        var failures = validator.Validate(Options.DefaultName, Read<T>(builder.Configuration.GetSection(section)));
        if (failures.Failed) throw new OptionsValidationException(section, typeof(T), failures.Failures);
        return Read<T>(builder.Configuration.GetSection(section));
    }

    /// <summary>What binding can read of the section; a key whose value does not convert keeps its default (its validator names it).</summary>
    public static T Read<T>(IConfigurationSection section) where T : class, new()
    {
        try
        {
            return section.Get<T>() ?? new T();
        }
        catch (InvalidOperationException)
        {
            return new T();
        }
    }

    /// <summary>The lines an operator reads when start-up stops on bad settings, or null for any other exception.</summary>
    public static IReadOnlyList<string>? Messages(Exception e) => e switch
    {
        OptionsValidationException options => options.Failures.ToList(),
        AggregateException all when all.InnerExceptions.All(i => i is OptionsValidationException) =>
            all.InnerExceptions.SelectMany(i => ((OptionsValidationException)i).Failures).ToList(),
        StartupException startup => [startup.Message],
        _ => null,
    };
}
