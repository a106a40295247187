using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearnGame.BrowserTests;

/// <summary>The trainer grants a learner extra time from the lobby list; question images come from our own server only.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExtraTimeTests(BrowserFixture fixture)
{
    private const string QuizJson = """
    {
      "title": "Extra time quiz",
      "language": "en",
      "questions": [
        { "type": "single", "text": "What colour is the logo?", "choices": ["Blue", "Red"], "correct": 0, "timeLimitSeconds": 60,
          "imageUrl": "/learngame.svg", "imageAlt": "The LearnGame logo: a white L on a blue square" },
        { "type": "trueFalse", "text": "This picture lives elsewhere.", "correct": true, "timeLimitSeconds": 60,
          "imageUrl": "https://images.example.org/elsewhere.png", "imageAlt": "A picture on another site" }
      ]
    }
    """;

    [Fact]
    public async Task The_trainer_grants_extra_time_and_that_learner_alone_counts_down_from_its_own_later_deadline()
    {
        await using var trainer = await Person.OpenAsync(fixture, "trainer", Person.Projector);
        await using var screen = await Person.OpenAsync(fixture, "projector", Person.Projector);
        await using var ana = await Person.OpenAsync(fixture, "Ana", Person.Phone);
        await using var ben = await Person.OpenAsync(fixture, "Ben", Person.Phone);
        var code = await Game.CreateAsync(trainer, quizJson: QuizJson);
        await screen.Page.GotoAsync((await trainer.Page.GetByRole(AriaRole.Link, new() { Name = "Open the projector screen" }).GetAttributeAsync("href"))!);
        await Game.JoinAsync(ana, code, "Ana", Words.En);
        await Game.JoinAsync(ben, code, "Ben", Words.En);

        // A labelled list next to each learner, usable with the keyboard like any select.
        var extra = trainer.Page.GetByLabel("Extra time for Ana");
        await extra.SelectOptionAsync(new SelectOptionValue { Label = "+50 %" });
        await Expect(trainer.Page.GetByLabel("Extra time for Ana")).ToHaveValueAsync("50");
        await Expect(trainer.Page.GetByLabel("Extra time for Ben")).ToHaveValueAsync("0");
        await trainer.CaptureAsync("trainer-extra-time");

        await trainer.Button("Start").ClickAsync();
        await Expect(ana.Heading).ToHaveTextAsync("What colour is the logo?");
        // 60 s for Ben, 90 s for Ana: each counts down to its own deadline.
        await Expect(ana.Page.Locator(".countdown")).ToHaveTextAsync(new Regex("^(9[0-9]|8[1-9]) s left$"));
        await Expect(ben.Page.Locator(".countdown")).ToHaveTextAsync(new Regex("^(60|5[0-9]) s left$"));
        await Expect(ana.Page.GetByText("Your extra time counts on this question.")).ToBeVisibleAsync();
        await Expect(ben.Page.GetByText("Your extra time counts on this question.")).ToHaveCountAsync(0);
        await Expect(trainer.Page.GetByText("Some learners have extra time: the question stays open for them.")).ToBeVisibleAsync();

        // The image is ours: shown with its description on the phone and on the projector.
        await Expect(ana.Page.GetByRole(AriaRole.Img, new() { Name = "The LearnGame logo: a white L on a blue square" })).ToBeVisibleAsync();
        await Expect(screen.Page.GetByRole(AriaRole.Img, new() { Name = "The LearnGame logo: a white L on a blue square" })).ToBeVisibleAsync();
        Assert.True(await ana.Page.Locator("main img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        await ana.CaptureAsync("learner-question-image-extra-time");
        await screen.CaptureAsync("projector-question-image");
        await trainer.CaptureAsync("trainer-question-extra-time");

        // A reload keeps Ana's own deadline.
        await ana.Page.ReloadAsync();
        await Expect(ana.Page.Locator(".countdown")).ToHaveTextAsync(new Regex("^(9[0-9]|8[0-9]|7[5-9]) s left$"));

        // An image on another site is not shown, and not requested; the trainer is told why.
        await ana.Page.Locator("button.choice").First.ClickAsync();
        await ben.Page.Locator("button.choice").First.ClickAsync();
        await Game.PhaseAsync(trainer, "answer revealed");
        await Game.NextAsync(trainer, "leaderboard");
        await Game.NextAsync(trainer, "question open");
        await Expect(ben.Heading).ToHaveTextAsync("This picture lives elsewhere.");
        await Expect(trainer.Page.GetByText(new Regex("image is on another site"))).ToBeVisibleAsync();
        Assert.Equal(0, await ben.Page.Locator("main img").CountAsync());
        Assert.Equal(0, await screen.Page.Locator("main img").CountAsync());

        // The trainer takes the extra time back; it applies from the next question.
        await trainer.Page.GetByLabel("Extra time for Ana").SelectOptionAsync(new SelectOptionValue { Label = "No extra time" });
        await Expect(trainer.Page.GetByLabel("Extra time for Ana")).ToHaveValueAsync("0");

        foreach (var person in new[] { trainer, screen, ana, ben }) person.AssertOnlyOurOriginAndPolicyKept();
    }
}
