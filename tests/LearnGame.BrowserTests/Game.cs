using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearnGame.BrowserTests;

/// <summary>What the learner's screen says in each language, so a test can play in either.</summary>
public sealed record Words(string Send, string True, string False, string YourAnswer, string MoveUp, string LockedIn, string Right, string Wrong, string Lobby)
{
    public static readonly Words En = new("Send my answer", "True", "False", "Your answer", "Move up: ", "Answer locked in", "Right!", "Not this time", "You're in!");
    public static readonly Words Fr = new("Envoyer ma réponse", "Vrai", "Faux", "Votre réponse", "Monter : ", "Réponse enregistrée", "Bonne réponse !", "Pas cette fois", "Vous y êtes !");
}

/// <summary>The quiz the browser tests play (one question of each interactive type) and the steps people take.</summary>
public static class Game
{
    public const string QuizJson = """
    {
      "title": "Browser test quiz",
      "language": "en",
      "questions": [
        { "type": "single", "text": "Which planet is red?", "choices": ["Venus", "Mars", "Jupiter"], "correct": 1,
          "explanation": "Iron oxide covers its surface.", "timeLimitSeconds": 90 },
        { "type": "multiple", "text": "Which numbers are prime?", "choices": ["2", "4", "5", "9"], "correct": [0, 2], "timeLimitSeconds": 90 },
        { "type": "trueFalse", "text": "Water boils at 100 °C at sea level.", "correct": true, "timeLimitSeconds": 90 },
        { "type": "typed", "text": "What is the capital of France?", "accepted": ["Paris"], "timeLimitSeconds": 90 },
        { "type": "numeric", "text": "How many continents are there?", "min": 0, "max": 10, "step": 1, "correct": 7, "timeLimitSeconds": 90 },
        { "type": "ordering", "text": "From the smallest to the largest animal", "items": ["Ant", "Cat", "Horse"], "timeLimitSeconds": 90 }
      ]
    }
    """;

    public static readonly string[] QuestionTexts =
    [
        "Which planet is red?", "Which numbers are prime?", "Water boils at 100 °C at sea level.",
        "What is the capital of France?", "How many continents are there?", "From the smallest to the largest animal",
    ];

    public static readonly string[] RightOrder = ["Ant", "Cat", "Horse"];

    /// <summary>The trainer creates a game from the uploaded quiz file; returns the join code.</summary>
    public static async Task<string> CreateAsync(Person trainer, Func<string, Task>? capture = null, string quizJson = QuizJson)
    {
        await trainer.Page.GotoAsync("/host");
        await Expect(trainer.Heading).ToHaveTextAsync("Host a game");
        // The setup form is drawn again once the demo quizzes are listed: wait for them before filling it.
        await Expect(trainer.Page.Locator("input[name=source][value=en]")).ToBeAttachedAsync();
        await trainer.Page.Locator("#quiz-file").SetInputFilesAsync(new FilePayload
        {
            Name = "quiz.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(quizJson),
        });
        await Expect(trainer.Page.GetByLabel("My own quiz file (JSON)")).ToBeCheckedAsync();
        if (capture is not null) await capture("trainer-setup");
        await trainer.Button("Create the game").ClickAsync();
        await Expect(trainer.Heading).ToHaveTextAsync(JsonDocument.Parse(quizJson).RootElement.GetProperty("title").GetString()!);
        return (await trainer.Page.Locator(".join-info .code").TextContentAsync())!.Trim();
    }

    public static async Task JoinAsync(Person learner, string code, string nickname, Words words)
    {
        await learner.Page.GotoAsync($"/play?code={code}");
        await learner.Page.Locator("#nickname").FillAsync(nickname);
        await learner.Page.Locator("form button[type=submit]").ClickAsync();
        await Expect(learner.Heading).ToHaveTextAsync(words.Lobby);
    }

    /// <summary>Waits for the trainer's panel to show a phase ("question open", "answer revealed", …).</summary>
    public static Task PhaseAsync(Person trainer, string phase) =>
        Expect(trainer.Page.Locator(".phase")).ToHaveTextAsync($"Now: {phase}");

    public static async Task NextAsync(Person trainer, string phase)
    {
        await trainer.Button("Next").ClickAsync();
        await PhaseAsync(trainer, phase);
    }

    /// <summary>Answers question <paramref name="index"/> of <see cref="QuizJson"/> with the mouse, right or wrong.</summary>
    public static async Task AnswerAsync(Person learner, int index, bool right, Words words)
    {
        var page = learner.Page;
        await Expect(learner.Heading).ToHaveTextAsync(QuestionTexts[index]);
        switch (index)
        {
            case 0:
                await learner.Button(right ? "Mars" : "Venus").ClickAsync();
                break;
            case 1:
                foreach (var choice in right ? new[] { "2", "5" } : ["4"]) await learner.Button(choice).ClickAsync();
                await learner.Button(words.Send).ClickAsync();
                break;
            case 2:
                await learner.Button(right ? words.True : words.False).ClickAsync();
                break;
            case 3:
                await page.GetByLabel(words.YourAnswer).FillAsync(right ? " paris " : "London");
                await learner.Button(words.Send).ClickAsync();
                break;
            case 4:
                var slider = page.Locator("#numeric");
                await slider.FocusAsync();
                await page.Keyboard.PressAsync("Home");
                for (var i = 0; i < (right ? 7 : 3); i++) await page.Keyboard.PressAsync("ArrowRight");
                await learner.Button(words.Send).ClickAsync();
                break;
            case 5:
                if (right)
                    for (var position = 0; position < RightOrder.Length; position++)
                        while (await ItemsAsync(page) is var items && Array.IndexOf(items, RightOrder[position]) > position)
                            await learner.Button(words.MoveUp + RightOrder[position]).ClickAsync();
                await learner.Button(words.Send).ClickAsync();
                break;
        }
        await Expect(learner.Heading).ToHaveTextAsync(new Regex($"{Regex.Escape(words.LockedIn)}|{Regex.Escape(words.Right)}|{Regex.Escape(words.Wrong)}"));
    }

    public static async Task<string[]> ItemsAsync(IPage page) =>
        (await page.Locator(".ordering .label").AllTextContentsAsync()).Select(s => s.Trim()).ToArray();

    public static Task RevealedAsync(Person learner, bool right, Words words) =>
        Expect(learner.Heading).ToContainTextAsync(right ? words.Right : words.Wrong);
}
