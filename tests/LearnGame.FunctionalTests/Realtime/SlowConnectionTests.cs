using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;
using LearnGame.Grains.Abstractions.Sessions;
using LearnGame.Server.Realtime;
using LearnGame.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace LearnGame.FunctionalTests.Realtime;

/// <summary>
/// A phone that stops reading its socket (a locked screen, a lift, a tab in the background) must not make its whole
/// classroom get the next question late, and must still get every event, in order, once it reads again.
/// </summary>
public sealed class SlowConnectionTests
{
    /// <summary>Questions played once the phone holds sends up, to show the classroom is not held up with it.</summary>
    private const int QuestionsWhileStalled = 3;

    /// <summary>
    /// The server closes a connection that takes nothing for this long (Realtime:SendTimeoutSeconds). Its clock starts
    /// when the phone's socket stops taking bytes, several questions before the relay's sends wait for it (SignalR's own
    /// buffer fills first): long enough that a slow machine plays them all, and the phone, not the timeout, decides when
    /// it reads again.
    /// </summary>
    private const int SendTimeoutSeconds = 300;

    [Fact]
    public async Task A_phone_that_stops_reading_does_not_hold_up_its_classroom_and_gets_every_question_in_order_when_it_reads_again()
    {
        await using var server = new ServerHost(ServerHost.NewDataDirectory(), $"test-{Guid.NewGuid():N}",
            new Dictionary<string, string> { ["Realtime:SendTimeoutSeconds"] = SendTimeoutSeconds.ToString(CultureInfo.InvariantCulture) },
            configure: SmallSocketBuffers);
        var quiz = WordyQuiz();
        await using var room = await Classroom.Open(server, learners: 1, quiz);
        await using var phone = await StalledPhone.Join(server, room.Created.JoinCode, "Téléphone lent");
        var relay = server.Services.GetRequiredService<SessionRelay>();
        var learner = room.Learners[0];

        Assert.True((await room.Trainer.Do("Start")).Ok);
        int? stalledSince = null;
        var last = 0;
        for (var q = 0; q < quiz.Questions.Count; q++)
        {
            await learner.WaitForQuestion(q);
            last = q;
            // Once the phone's buffers are full, every send to the class waits for it: from then on the class must go on.
            // Counted from the first of an unbroken run of such questions: a send that waited a moment for a client that
            // reads (this server's buffers are small for everyone) is over by the next one.
            stalledSince = relay.SendsWaiting > 0 ? stalledSince ?? q : null;
            if (q == stalledSince + QuestionsWhileStalled) break;
            await phone.Ping(); // the phone still talks, so SignalR does not close it for silence: it only stopped reading
            Assert.True((await room.Trainer.Do("Reveal")).Ok);
            await learner.WaitForReveal(q);
            Assert.True((await room.Trainer.Do("Next")).Ok);
            await learner.WaitForCount(SessionEvents.Leaderboard, q + 1);
            Assert.True((await room.Trainer.Do("Next")).Ok);
        }

        Assert.True(stalledSince is not null, "the phone never held a send up: its buffers took every question of the quiz");
        Assert.True(relay.SendsWaiting > 0, "the phone no longer holds sends up, so it was not stalled while the class played");
        Assert.True(await WaitingSendsInMetrics(server) >= 1);
        var questions = await phone.ReadQuestionsUntil(last);
        Assert.Equal(Enumerable.Range(0, last + 1), questions);
    }

    /// <summary>
    /// What /metrics says of the sends waiting for a slow connection: that the metric is exported (the meter is the
    /// process's, so other servers' waiting sends count too; the relay's own count above is this server's).
    /// </summary>
    private static async Task<double> WaitingSendsInMetrics(ServerHost server)
    {
        using var http = server.CreateHttpClient();
        var text = await http.GetStringAsync("/metrics");
        var line = Regex.Match(text, @"^learngame_relay_sends_waiting(\{[^}]*\})? (\S+)", RegexOptions.Multiline);
        Assert.True(line.Success, "no learngame_relay_sends_waiting in /metrics");
        return double.Parse(line.Groups[2].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Small kernel buffers on the server's sockets (accepted sockets take the listening socket's) and a small write
    /// buffer in Kestrel, so that a phone that stops reading fills them after a few questions rather than a few hundred.
    /// </summary>
    private static void SmallSocketBuffers(IWebHostBuilder web) => web.ConfigureServices(services =>
        services.Configure<SocketTransportOptions>(o =>
        {
            o.MaxWriteBufferSize = 4096;
            o.CreateBoundListenSocket = endpoint =>
            {
                var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                socket.SendBufferSize = 4096;
                return socket;
            };
        }));

    /// <summary>The longest questions a quiz may have, so that each takes its share of the stalled phone's buffers.</summary>
    private static Quiz WordyQuiz() => new("Wordy", QuizLanguage.Fr, Enumerable.Range(0, QuizValidator.MaxQuestions).Select(i =>
        (Question)new SingleChoiceQuestion
        {
            Text = $"Question {i} " + new string('q', QuizValidator.MaxQuestionTextLength - 20),
            Choices = [new string('a', 200), new string('b', 200), new string('c', 200), new string('d', 200)],
            Correct = 1,
            Explanation = new string('e', QuizValidator.MaxExplanationLength),
            TimeLimitSeconds = 120,
        }).ToList());

    /// <summary>
    /// A learner on a raw WebSocket with a small receive buffer, speaking SignalR's JSON protocol: it joins, then reads
    /// nothing until asked, while the server keeps sending.
    /// </summary>
    private sealed class StalledPhone : IAsyncDisposable
    {
        private const char RecordSeparator = '\u001e';
        private readonly ClientWebSocket _socket;
        private readonly StringBuilder _pending = new();
        private readonly Decoder _utf8 = Encoding.UTF8.GetDecoder(); // a character may straddle two reads

        private StalledPhone(ClientWebSocket socket) => _socket = socket;

        public static async Task<StalledPhone> Join(ServerEndpoint server, string code, string nickname)
        {
            var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (context, cancellation) =>
                {
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = 4096 };
                    await socket.ConnectAsync(context.DnsEndPoint, cancellation);
                    return new NetworkStream(socket, ownsSocket: true);
                },
            };
            var socket = new ClientWebSocket();
            var hub = new UriBuilder(server.HubUrl) { Scheme = "ws" }.Uri;
            await socket.ConnectAsync(hub, new HttpMessageInvoker(handler), CancellationToken.None).WaitAsync(GameClient.Patience);
            var phone = new StalledPhone(socket);
            await phone.Send("""{"protocol":"json","version":1}""");
            Assert.Equal("{}", await phone.NextRecord());
            await phone.Send(JsonSerializer.Serialize(new { type = 1, invocationId = "join", target = "Join", arguments = new[] { code, nickname } }));
            while (true)
            {
                using var record = JsonDocument.Parse(await phone.NextRecord());
                if (record.RootElement.GetProperty("type").GetInt32() != 3) continue;
                Assert.True(record.RootElement.GetProperty("result").GetProperty("ok").GetBoolean(), record.RootElement.GetRawText());
                return phone;
            }
        }

        public Task Ping() => Send("""{"type":6}""");

        /// <summary>Reads again, up to the question of index <paramref name="last"/>; the question indexes in the order received.</summary>
        public async Task<List<int>> ReadQuestionsUntil(int last)
        {
            var indexes = new List<int>();
            while (indexes.Count == 0 || indexes[^1] < last)
            {
                using var record = JsonDocument.Parse(await NextRecord());
                var root = record.RootElement;
                if (root.GetProperty("type").GetInt32() == 1 && root.GetProperty("target").GetString() == SessionEvents.Question)
                    indexes.Add(root.GetProperty("arguments")[0].GetProperty("question").GetProperty("index").GetInt32());
            }
            return indexes;
        }

        private Task Send(string record) =>
            _socket.SendAsync(Encoding.UTF8.GetBytes(record + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None).WaitAsync(GameClient.Patience);

        private async Task<string> NextRecord()
        {
            var buffer = new byte[16 * 1024];
            while (true)
            {
                var text = _pending.ToString();
                var end = text.IndexOf(RecordSeparator);
                if (end >= 0)
                {
                    _pending.Remove(0, end + 1);
                    return text[..end];
                }
                var received = await _socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None).AsTask().WaitAsync(GameClient.Patience);
                if (received.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("The server closed the phone's connection.");
                var chars = new char[_utf8.GetCharCount(buffer, 0, received.Count)];
                _pending.Append(chars, 0, _utf8.GetChars(buffer, 0, received.Count, chars, 0));
            }
        }

        public async ValueTask DisposeAsync()
        {
            _socket.Abort();
            _socket.Dispose();
            await Task.CompletedTask;
        }
    }
}
