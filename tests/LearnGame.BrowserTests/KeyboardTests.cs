using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearnGame.BrowserTests;

/// <summary>A learner who uses only the keyboard (no mouse, no pointer) can play every question type.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_keyboard_only_learner_completes_a_whole_game()
    {
        await using var trainer = await Person.OpenAsync(fixture, "trainer", Person.Projector);
        await using var kim = await Person.OpenAsync(fixture, "Kim", Person.Phone);
        var keys = kim.Page.Keyboard;
        var code = await Game.CreateAsync(trainer);

        await kim.Page.GotoAsync($"/play?code={code}");
        await Expect(kim.Heading).ToBeFocusedAsync();
        await TabToAsync(kim, "#nickname");
        await keys.TypeAsync("Kim");
        await keys.PressAsync("Enter");
        await Expect(kim.Heading).ToHaveTextAsync("You're in!");
        await trainer.Button("Start").ClickAsync();

        // Single choice: its number key.
        await QuestionAsync(kim, 0);
        await keys.PressAsync("2");
        await RoundAsync(kim, trainer);

        // Multiple choice: number keys toggle, then the send button.
        await QuestionAsync(kim, 1);
        await keys.PressAsync("1");
        await keys.PressAsync("3");
        await TabToAsync(kim, "button.primary");
        await keys.PressAsync("Enter");
        await RoundAsync(kim, trainer);

        await QuestionAsync(kim, 2);
        await keys.PressAsync("1");
        await RoundAsync(kim, trainer);

        await QuestionAsync(kim, 3);
        await TabToAsync(kim, "#typed");
        await keys.TypeAsync("Paris");
        await keys.PressAsync("Enter");
        await RoundAsync(kim, trainer);

        await QuestionAsync(kim, 4);
        await TabToAsync(kim, "#numeric");
        await keys.PressAsync("Home");
        for (var i = 0; i < 7; i++) await keys.PressAsync("ArrowRight");
        await TabToAsync(kim, "button.primary");
        await keys.PressAsync("Enter");
        await RoundAsync(kim, trainer);

        // Ordering: the move buttons, with the focus staying on the item being moved.
        await QuestionAsync(kim, 5);
        for (var position = 0; position < Game.RightOrder.Length; position++)
        {
            var item = Game.RightOrder[position];
            var moves = Array.IndexOf(await Game.ItemsAsync(kim.Page), item) - position;
            if (moves == 0) continue;
            await TabToAsync(kim, $"button[aria-label='Move up: {item}']");
            for (var i = 0; i < moves; i++) await keys.PressAsync("Enter");
        }
        Assert.Equal(Game.RightOrder, await Game.ItemsAsync(kim.Page));
        await TabToAsync(kim, "button.primary");
        await keys.PressAsync("Enter");
        await Expect(kim.Heading).ToContainTextAsync("Right!");
        await Game.NextAsync(trainer, "leaderboard");
        await Game.NextAsync(trainer, "podium");

        await Expect(kim.Page.GetByText("You finish number 1 with")).ToBeVisibleAsync();
        kim.AssertOnlyOurOriginAndPolicyKept();
    }

    private static async Task QuestionAsync(Person learner, int index)
    {
        await Expect(learner.Heading).ToHaveTextAsync(Game.QuestionTexts[index]);
        // Focus moves to the new question's heading, so the keyboard starts from the top of the question.
        await Expect(learner.Heading).ToBeFocusedAsync();
    }

    private static async Task RoundAsync(Person learner, Person trainer)
    {
        await Expect(learner.Heading).ToContainTextAsync("Right!");
        await Game.NextAsync(trainer, "leaderboard");
        await Game.NextAsync(trainer, "question open");
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has the focus.</summary>
    private static async Task TabToAsync(Person learner, string selector)
    {
        var target = learner.Page.Locator(selector);
        for (var presses = 0; presses < 40; presses++)
        {
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement")) return;
            await learner.Page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {selector}.");
    }
}
