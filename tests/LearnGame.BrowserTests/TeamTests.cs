using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearnGame.BrowserTests;

/// <summary>A team game in real Chromium pages: choosing teams, a consensus round, a peer-instruction round.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TeamTests(BrowserFixture fixture)
{
    private const string QuizJson = """
    {
      "title": "Team browser quiz",
      "language": "en",
      "questions": [
        { "type": "single", "text": "Which planet is red?", "choices": ["Venus", "Mars", "Jupiter"], "correct": 1,
          "timeLimitSeconds": 120, "collaborative": true },
        { "type": "single", "text": "Which gas do plants take in?", "choices": ["Oxygen", "Carbon dioxide", "Nitrogen"], "correct": 1,
          "timeLimitSeconds": 120, "peerInstruction": true, "discussionSeconds": 300 }
      ]
    }
    """;

    [Fact]
    public async Task Learners_choose_teams_vote_together_discuss_and_revote_and_see_their_team_results()
    {
        await using var trainer = await Person.OpenAsync(fixture, "trainer", Person.Projector);
        await using var screen = await Person.OpenAsync(fixture, "projector", Person.Projector);
        await using var ana = await Person.OpenAsync(fixture, "Ana", Person.Phone);
        await using var ben = await Person.OpenAsync(fixture, "Ben", Person.Phone);
        await using var chloe = await Person.OpenAsync(fixture, "Chloé", Person.Phone, locale: "fr-FR");

        await trainer.Page.GotoAsync("/host");
        // The setup form is drawn again once the demo quizzes are listed: wait for them before filling it.
        await Expect(trainer.Page.Locator("input[name=source][value=en]")).ToBeAttachedAsync();
        await trainer.Page.Locator("#quiz-file").SetInputFilesAsync(new FilePayload
        {
            Name = "teams.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(QuizJson),
        });
        await Expect(trainer.Page.GetByLabel("My own quiz file (JSON)")).ToBeCheckedAsync();
        await trainer.Page.GetByLabel("In teams that learners choose").CheckAsync();
        await trainer.Page.Locator("#team-count").FillAsync("2");
        await trainer.CaptureAsync("trainer-team-setup");
        await trainer.Button("Create the game").ClickAsync();
        await Expect(trainer.Heading).ToHaveTextAsync("Team browser quiz");
        var code = (await trainer.Page.Locator(".join-info .code").TextContentAsync())!.Trim();
        var screenUrl = await trainer.Page.GetByRole(AriaRole.Link, new() { Name = "Open the projector screen" }).GetAttributeAsync("href");
        await screen.Page.GotoAsync(screenUrl!);

        await Game.JoinAsync(ana, code, "Ana", Words.En);
        await Game.JoinAsync(ben, code, "Ben", Words.En);
        await Game.JoinAsync(chloe, code, "Chloé", Words.Fr);
        // Team names follow the session's language (English here), whatever the learner's own.
        await Expect(ana.Page.Locator(".team-choice")).ToHaveTextAsync(["Herons0 member(s)", "Lynxes0 member(s)"]);
        await ana.Page.Locator("[data-fid='team-1']").ClickAsync();
        await Expect(ana.Page.Locator("[data-fid='team-1']")).ToHaveAttributeAsync("aria-pressed", "true");
        await ana.CaptureAsync("learner-team-choice");
        // The trainer starts renaming a team, its name selected, and the lobby changes under it: the selection stays,
        // and what is typed replaces the name (the refreshed field put the caret at its start: "EaglesLynxes").
        await trainer.Page.Locator("#rename-2").SelectTextAsync();
        await ben.Page.Locator("[data-fid='team-1']").ClickAsync();
        await Expect(trainer.Page.Locator(".teams-manage li").Nth(0)).ToContainTextAsync("2 member");
        await trainer.Page.Keyboard.TypeAsync("Eagles");
        // The lobby changes again while the new name waits to be sent: what is typed stays.
        await chloe.Page.Locator("[data-fid='team-2']").ClickAsync();
        await Expect(chloe.Page.Locator("[data-fid='team-2']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(trainer.Page.Locator(".teams-manage li").Nth(1)).ToContainTextAsync("1 member");
        await Expect(trainer.Page.Locator("#rename-2")).ToHaveValueAsync("Eagles");
        await trainer.Page.Locator("[data-fid='rename-2-go']").ClickAsync();
        await Expect(screen.Page.Locator(".names li")).ToHaveTextAsync(["Ana (Herons)", "Ben (Herons)", "Chloé (Eagles)"]);
        await trainer.CaptureAsync("trainer-team-lobby");
        await screen.CaptureAsync("projector-team-lobby");

        // A consensus round: Ben sees Ana's vote, changes his own; the team answers together.
        await trainer.Button("Start").ClickAsync();
        await Expect(ana.Page.GetByText("Team vote: you can change your vote")).ToBeVisibleAsync();
        await Expect(ana.Page.Locator(".you-are .team-name")).ToHaveTextAsync("Herons");
        await ana.Button("Mars").ClickAsync();
        await Expect(ana.Heading).ToHaveTextAsync("Answer locked in");
        await ben.Button("Venus").ClickAsync();
        await Expect(ben.Page.Locator(".team-votes li")).ToHaveTextAsync(["Ana Mars", "Ben Venus"]);
        await ben.CaptureAsync("learner-team-votes");
        await ben.Button("Change my vote").ClickAsync();
        await ben.Button("Mars").ClickAsync();
        await Expect(ana.Page.Locator(".team-votes li")).ToHaveTextAsync(["Ana Mars", "Ben Mars"]);
        await chloe.Button("Venus").ClickAsync();
        await trainer.Button("Reveal now").ClickAsync();
        await Game.PhaseAsync(trainer, "answer revealed");
        await Expect(ana.Page.GetByText("Your vote was right.")).ToBeVisibleAsync();
        await Expect(ana.Page.GetByText("Herons: right answer, +1,000 pts, team rank 1.")).ToBeVisibleAsync();
        await Expect(chloe.Page.GetByText("Votre vote était faux.")).ToBeVisibleAsync();
        await Expect(screen.Page.Locator(".team-results li")).ToHaveCountAsync(2);
        await ana.CaptureAsync("learner-team-reveal");
        await screen.CaptureAsync("projector-team-reveal");
        await Game.NextAsync(trainer, "leaderboard");
        await Expect(screen.Page.Locator(".leaderboard.teams .name")).ToHaveTextAsync(["Herons", "Eagles"]);
        await screen.CaptureAsync("projector-team-leaderboard");

        // Peer instruction: a first vote, a discussion, a second vote; the reveal compares both.
        await Game.NextAsync(trainer, "question open");
        await Expect(ana.Page.GetByText("First vote", new() { Exact = true })).ToBeVisibleAsync();
        await ana.Button("Carbon dioxide").ClickAsync();
        await ben.Button("Oxygen").ClickAsync();
        await chloe.Button("Oxygen").ClickAsync();
        await Expect(ana.Heading).ToHaveTextAsync("Discuss!");
        await Expect(chloe.Heading).ToHaveTextAsync("Discutez !");
        await Expect(ben.Page.GetByText("Your first vote: Oxygen")).ToBeVisibleAsync();
        await Game.PhaseAsync(trainer, "discussion");
        await ben.CaptureAsync("learner-discussion");
        await screen.CaptureAsync("projector-discussion");
        await trainer.Button("Open the second vote").ClickAsync();
        await Expect(ben.Page.GetByText("Second vote: you may change your mind")).ToBeVisibleAsync();
        foreach (var learner in new[] { ana, ben, chloe }) await learner.Button("Carbon dioxide").ClickAsync();
        await Game.PhaseAsync(trainer, "answer revealed");
        await Expect(screen.Page.GetByText("Right at the first vote: 1. Right at the second: 3. 2 moved toward the right answer.")).ToBeVisibleAsync();
        await screen.CaptureAsync("projector-peer-reveal");
        await ben.CaptureAsync("learner-peer-reveal");

        await Game.NextAsync(trainer, "leaderboard");
        await Game.NextAsync(trainer, "podium");
        await Expect(ana.Page.Locator(".leaderboard.teams .name")).ToHaveTextAsync(["Herons", "Eagles"]);
        await ana.CaptureAsync("learner-team-podium");
        foreach (var person in new[] { trainer, screen, ana, ben, chloe }) person.AssertOnlyOurOriginAndPolicyKept();
    }
}
