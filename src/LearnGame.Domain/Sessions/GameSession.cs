using System.Text.Json.Serialization;
using LearnGame.Domain.Questions;
using LearnGame.Domain.Quizzes;
using LearnGame.Domain.Scoring;
using LearnGame.Domain.Teams;

namespace LearnGame.Domain.Sessions;

/// <summary>
/// A live game and its rules: the state machine Lobby → QuestionOpen → Reveal → Leaderboard → … → Podium → Ended,
/// seats, answers and scoring. Time always comes in as a parameter; nothing here reads a clock.
/// Every method either changes the state and returns null, or returns an error and changes nothing.
/// </summary>
public sealed class GameSession
{
    public const int MaxSeats = 10_000;
    public const int MaxAnswerIdLength = 64;

    /// <summary>How many earlier vote ids of a consensus round are remembered to recognise late retries.</summary>
    public const int MaxReplacedVotes = 20;

    [JsonInclude] public Guid Id { get; private set; }
    [JsonInclude] public string JoinCode { get; private set; } = "";
    [JsonInclude] public Quiz Quiz { get; private set; } = null!;
    [JsonInclude] public SessionOptions Options { get; private set; } = new();
    [JsonInclude] public string HostTokenHash { get; private set; } = "";
    [JsonInclude] public SessionPhase Phase { get; private set; }
    [JsonInclude] public bool Locked { get; private set; }
    [JsonInclude] public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>When the game ended; the retention period counts from here.</summary>
    [JsonInclude] public DateTimeOffset? EndedAt { get; private set; }
    [JsonInclude] public List<Seat> Seats { get; private set; } = [];
    /// <summary>Every round played so far, in order; the last one is the current round.</summary>
    [JsonInclude] public List<Round> Rounds { get; private set; } = [];
    [JsonInclude] public List<Team> Teams { get; private set; } = [];

    /// <summary>Creates a session in the lobby; only the hash of the host token is kept.</summary>
    public static GameSession Create(Guid id, string joinCode, Quiz quiz, SessionOptions options, string hostToken, DateTimeOffset now)
    {
        var session = new GameSession
        {
            Id = id,
            JoinCode = joinCode,
            Quiz = quiz,
            Options = options,
            HostTokenHash = SecretToken.Hash(hostToken),
            Phase = SessionPhase.Lobby,
            CreatedAt = now,
        };
        // Learners who choose their team find the teams already there in the lobby.
        if (options.Teams is { Formation: TeamFormation.Choose } teams) session.AddTeams(teams.Count);
        return session;
    }

    [JsonIgnore] public Round? CurrentRound => Rounds.Count == 0 || Phase is SessionPhase.Lobby ? null : Rounds[^1];
    [JsonIgnore] public Question? CurrentQuestion => CurrentRound is { } r ? Quiz.Questions[r.QuestionIndex] : null;
    [JsonIgnore] public int QuestionCount => Quiz.Questions.Count;
    [JsonIgnore] public IEnumerable<Seat> ActiveSeats => Seats.Where(s => !s.Kicked);
    [JsonIgnore] public bool IsLive => Phase != SessionPhase.Ended;
    [JsonIgnore] public bool IsTeamGame => Options.Teams is not null;

    public Team? TeamById(int teamId) => Teams.FirstOrDefault(t => t.Id == teamId);

    /// <summary>The active members of a team, in seat order.</summary>
    public IEnumerable<Seat> Members(int teamId) => ActiveSeats.Where(s => s.TeamId == teamId);

    /// <summary>Same shuffle for everyone in a round, different between sessions and questions.</summary>
    public int ShuffleSeed(int questionIndex) =>
        // Deterministic across processes (HashCode.Combine is not), so every silo shows the same order.
        (int)((uint)Id.GetHashCode() ^ (uint)(questionIndex + 1) * 2654435761u) & int.MaxValue;

    public bool IsHost(string? token) => token is not null && SecretToken.Matches(token, HostTokenHash);

    /// <summary>The seat a token opens; kicked seats open nothing.</summary>
    public Seat? FindSeat(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        var hash = SecretToken.Hash(token);
        return Seats.FirstOrDefault(s => !s.Kicked && s.TokenHash == hash);
    }

    /// <summary>Seat ids are 1, 2, 3… in join order, so a seat is found by its position.</summary>
    public Seat? SeatById(int seatId) => seatId >= 1 && seatId <= Seats.Count && Seats[seatId - 1] is { Kicked: false } seat && seat.Id == seatId ? seat : null;

    // ----- Final rounds -----

    /// <summary>The leading rounds that are closed: a closed round never changes again (scored, skipped or ended).</summary>
    [JsonIgnore]
    public int FinalRoundCount
    {
        get
        {
            var count = 0;
            while (count < Rounds.Count && Rounds[count].Closed) count++;
            return count;
        }
    }

    /// <summary>Nicknames in use, by <see cref="Nickname.Key"/>; rebuilt from the seats after a reload.</summary>
    private HashSet<string>? _nicknames;

    private HashSet<string> NicknamesInUse => _nicknames ??= ActiveSeats.Select(s => Nickname.Key(s.Nickname)).ToHashSet(StringComparer.Ordinal);

    // ----- Lobby -----

    public (Seat? Seat, GameError? Error) Join(string? rawNickname, string seatToken, Guid? learnerId = null)
    {
        if (Phase is SessionPhase.Podium or SessionPhase.Ended) return (null, GameError.WrongPhase);
        if (Locked) return (null, GameError.LobbyLocked);
        if (Nickname.Clean(rawNickname) is not { } nickname) return (null, Nickname.Invalid);
        if (NicknamesInUse.Contains(Nickname.Key(nickname))) return (null, GameError.NicknameTaken);
        if (Seats.Count >= MaxSeats) return (null, GameError.SessionFull);
        var seat = new Seat { Id = Seats.Count + 1, Nickname = nickname, TokenHash = SecretToken.Hash(seatToken), LearnerId = learnerId };
        Seats.Add(seat);
        NicknamesInUse.Add(Nickname.Key(nickname));
        // Once the game has started, a newcomer joins the smallest team.
        if (Phase != SessionPhase.Lobby && Teams.Count > 0) seat.TeamId = SmallestTeam().Id;
        return (seat, null);
    }

    /// <summary>
    /// Puts back a seat given by <see cref="Join"/> and stored since as it was (a journal replayed after a reload); false
    /// when that seat is already here or is not the next one.
    /// </summary>
    public bool RestoreSeat(Seat seat)
    {
        if (seat.Id != Seats.Count + 1) return false;
        Seats.Add(seat);
        if (!seat.Kicked) NicknamesInUse.Add(Nickname.Key(seat.Nickname));
        return true;
    }

    public GameError? Kick(int seatId)
    {
        if (Phase == SessionPhase.Ended) return GameError.WrongPhase;
        if (SeatById(seatId) is not { } seat) return GameError.SeatNotFound;
        seat.Kicked = true;
        NicknamesInUse.Remove(Nickname.Key(seat.Nickname));
        return null;
    }

    /// <summary>
    /// The trainer grants a learner extra time (0 and 0 remove it). It applies from the next question that opens: the
    /// open one keeps the deadline everyone was told.
    /// </summary>
    public GameError? SetExtraTime(int seatId, int percent, int seconds)
    {
        if (Phase == SessionPhase.Ended) return GameError.WrongPhase;
        if (SeatById(seatId) is not { } seat) return GameError.SeatNotFound;
        var (extra, error) = Sessions.ExtraTime.Of(percent, seconds);
        if (error is not null) return error;
        seat.ExtraTime = extra;
        return null;
    }

    /// <summary>
    /// A learner erased its profile: its seats here lose their nickname (replaced by "Anonyme n" / "Anonymous n"), their
    /// seat token and their link to the profile. Their answers stay, unnamed, so the session's aggregates do not change.
    /// Returns the number of seats anonymised.
    /// </summary>
    public int ForgetLearner(Guid learnerId)
    {
        var forgotten = 0;
        foreach (var seat in Seats.Where(s => s.LearnerId == learnerId))
        {
            if (!seat.Kicked) NicknamesInUse.Remove(Nickname.Key(seat.Nickname));
            seat.Nickname = AnonymousName(seat.Id);
            seat.TokenHash = "";
            seat.LearnerId = null;
            if (!seat.Kicked) NicknamesInUse.Add(Nickname.Key(seat.Nickname));
            forgotten++;
        }
        return forgotten;
    }

    public string AnonymousName(int seatId) => $"{(Quiz.Language == Quizzes.QuizLanguage.Fr ? "Anonyme" : "Anonymous")} {seatId}";

    public GameError? SetLocked(bool locked)
    {
        if (Phase == SessionPhase.Ended) return GameError.WrongPhase;
        Locked = locked;
        return null;
    }

    public GameError? Start(DateTimeOffset now)
    {
        if (Phase != SessionPhase.Lobby) return GameError.WrongPhase;
        if (!ActiveSeats.Any()) return GameError.NoLearners;
        if (Options.Teams is { } teams) FormTeams(teams);
        OpenQuestion(0, now);
        return null;
    }

    // ----- Teams -----

    /// <summary>A learner picks a team in the lobby of a session where learners choose.</summary>
    public GameError? ChooseTeam(int seatId, int teamId)
    {
        if (Options.Teams is not { Formation: TeamFormation.Choose }) return TeamErrors.NoChoice;
        if (Phase != SessionPhase.Lobby) return GameError.WrongPhase;
        if (SeatById(seatId) is not { } seat) return GameError.SeatNotFound;
        if (TeamById(teamId) is null) return TeamErrors.TeamNotFound;
        seat.TeamId = teamId;
        return null;
    }

    /// <summary>The trainer moves a learner to another team; points already won stay with the old team.</summary>
    public GameError? MoveToTeam(int seatId, int teamId)
    {
        if (!IsTeamGame) return TeamErrors.NotTeamGame;
        if (Phase is SessionPhase.Podium or SessionPhase.Ended) return GameError.WrongPhase;
        if (Teams.Count == 0) return TeamErrors.NotFormed;
        if (SeatById(seatId) is not { } seat) return GameError.SeatNotFound;
        if (TeamById(teamId) is null) return TeamErrors.TeamNotFound;
        seat.TeamId = teamId;
        return null;
    }

    public GameError? RenameTeam(int teamId, string? name)
    {
        if (!IsTeamGame) return TeamErrors.NotTeamGame;
        if (Phase == SessionPhase.Ended) return GameError.WrongPhase;
        if (TeamById(teamId) is not { } team) return TeamErrors.TeamNotFound;
        if (TeamNames.Clean(name) is not { } clean) return TeamNames.Invalid;
        team.Name = clean;
        return null;
    }

    /// <summary>Teams in rank order: score, then rounds fully correct, then team number.</summary>
    public IReadOnlyList<Team> TeamRanking() =>
        Teams.OrderByDescending(t => t.Score).ThenByDescending(t => t.CorrectCount).ThenBy(t => t.Id).ToList();

    private void AddTeams(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var id = Teams.Count + 1;
            Teams.Add(new Team { Id = id, Name = TeamNames.Name(Quiz.Language, id), Colour = TeamNames.Colour(id) });
        }
    }

    private Team SmallestTeam() => Teams.OrderBy(t => Members(t.Id).Count()).ThenBy(t => t.Id).First();

    /// <summary>
    /// At the start: automatic teams are dealt like cards from a shuffled list of learners, so sizes differ by one at
    /// most; where learners chose, those who did not are placed in the smallest teams.
    /// </summary>
    private void FormTeams(TeamOptions options)
    {
        var seats = ActiveSeats.ToList();
        if (options.Formation == TeamFormation.Auto)
        {
            AddTeams(Math.Max(1, (seats.Count + options.Size - 1) / options.Size));
            var shuffled = seats.OrderBy(s => Shuffle(s.Id)).ToList();
            for (var i = 0; i < shuffled.Count; i++) shuffled[i].TeamId = Teams[i % Teams.Count].Id;
            return;
        }
        foreach (var seat in seats.Where(s => s.TeamId is null)) seat.TeamId = SmallestTeam().Id;
    }

    /// <summary>A deterministic shuffle key of a seat, different between sessions.</summary>
    private uint Shuffle(int seatId) => (uint)ShuffleSeed(-1) ^ (uint)seatId * 2246822519u;

    // ----- Questions -----

    public AnswerOutcome SubmitAnswer(int seatId, int questionIndex, string? answerId, Answer? answer, DateTimeOffset receivedAt)
    {
        if (SeatById(seatId) is null) return AnswerOutcome.Refused(GameError.SeatNotFound);
        if (string.IsNullOrEmpty(answerId) || answerId.Length > MaxAnswerIdLength || !answerId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            return AnswerOutcome.Refused(GameError.AnswerIdInvalid);
        var round = CurrentRound;
        SubmittedAnswer? replaced = null;
        // A retry of an acknowledged answer gets the same acknowledgement, whatever happened since.
        if (round is not null && round.QuestionIndex == questionIndex && round.Answers.TryGetValue(seatId, out var previous))
        {
            if (previous.AnswerId == answerId || previous.ReplacedAnswerIds?.Contains(answerId) == true) return AnswerOutcome.Repeated(previous);
            // In a consensus round a member may change its vote until the deadline; otherwise one answer is final.
            if (Phase == SessionPhase.Discussion) return AnswerOutcome.Refused(GameError.AnswerTooLate);
            if (!(round.Consensus && Phase == SessionPhase.QuestionOpen)) return AnswerOutcome.Refused(GameError.AlreadyAnswered);
            replaced = previous;
        }
        if (round is not null && round.QuestionIndex == questionIndex && round.FirstAnswers is { } first
            && first.TryGetValue(seatId, out var firstVote) && firstVote.AnswerId == answerId)
            return AnswerOutcome.Repeated(firstVote);
        if (Rounds.Any(r => r.QuestionIndex == questionIndex && r.Answers.TryGetValue(seatId, out var old) && old.AnswerId == answerId))
            return AnswerOutcome.Repeated(Rounds.First(r => r.QuestionIndex == questionIndex).Answers[seatId]);
        if (round is null || Phase != SessionPhase.QuestionOpen)
            return AnswerOutcome.Refused(round is not null && round.QuestionIndex == questionIndex ? GameError.AnswerTooLate : GameError.QuestionNotOpen);
        if (questionIndex != round.QuestionIndex)
            return AnswerOutcome.Refused(questionIndex >= 0 && questionIndex < round.QuestionIndex ? GameError.AnswerTooLate : GameError.WrongQuestion);
        // Each learner is judged against its own deadline (later for learners with extra time).
        if (round.RemainingFor(seatId, receivedAt) <= TimeSpan.Zero) return AnswerOutcome.Refused(GameError.AnswerTooLate);
        if (answer is null) return AnswerOutcome.Refused(new GameError("answer-wrong-type", "The answer is missing."));
        var question = Quiz.Questions[questionIndex];
        if (question.CheckShape(answer) is { } shape) return AnswerOutcome.Refused(shape);

        var limit = TimeSpan.FromSeconds(question.TimeLimitSeconds);
        var elapsed = limit - round.Unclamped(receivedAt);
        var submitted = new SubmittedAnswer
        {
            AnswerId = answerId,
            Answer = answer,
            ReceivedAt = receivedAt,
            ElapsedMs = (long)Math.Max(0, elapsed.TotalMilliseconds),
            Credit = question.GradeAsShown(answer, ShuffleSeed(questionIndex)),
        };
        if (replaced is not null)
            submitted.ReplacedAnswerIds = [.. (replaced.ReplacedAnswerIds ?? []).TakeLast(MaxReplacedVotes - 1), replaced.AnswerId];
        round.Answers[seatId] = submitted;
        return AnswerOutcome.Accepted(submitted);
    }

    /// <summary>
    /// Puts back an answer accepted by <see cref="SubmitAnswer"/> and stored since as it was (a journal replayed after a
    /// reload): it is not judged again. False unless that question is the open one and the seat is here.
    /// </summary>
    public bool RestoreAnswer(int seatId, int questionIndex, SubmittedAnswer answer)
    {
        if (Phase != SessionPhase.QuestionOpen || CurrentRound is not { } round || round.QuestionIndex != questionIndex || SeatById(seatId) is null)
            return false;
        round.Answers[seatId] = answer;
        return true;
    }

    /// <summary>Closes the open question once its deadline has passed, or ends a discussion at its end; true when something changed.</summary>
    public bool Tick(DateTimeOffset now)
    {
        if (Phase == SessionPhase.Discussion && CurrentRound is { DiscussionDeadline: { } end } discussed && now >= end)
        {
            OpenSecondVote(discussed, now);
            return true;
        }
        if (Phase != SessionPhase.QuestionOpen || CurrentRound is not { Paused: false } round || now < round.LastDeadline) return false;
        CloseRound(round, now);
        return true;
    }

    /// <summary>When the game next needs a tick: the open question's deadline or the discussion's end; null when paused or waiting for the trainer.</summary>
    [JsonIgnore]
    public DateTimeOffset? NextDeadline => Phase switch
    {
        SessionPhase.QuestionOpen when CurrentRound is { Paused: false } round => round.LastDeadline,
        SessionPhase.Discussion => CurrentRound?.DiscussionDeadline,
        _ => null,
    };

    /// <summary>
    /// When the session next needs a look: <see cref="NextDeadline"/>, or, while learners with extra time are still
    /// answering, first the common deadline (everyone else is done then, which may mean everyone has answered).
    /// </summary>
    public DateTimeOffset? NextCheck(DateTimeOffset now) =>
        Phase == SessionPhase.QuestionOpen && CurrentRound is { Paused: false, ExtraTime: not null, Deadline: { } common } && now < common
            ? common
            : NextDeadline;

    /// <summary>
    /// Every connected learner has answered the open question (and there is at least one). Never true in a consensus
    /// round: members may change their vote until the deadline.
    /// </summary>
    public bool AllAnswered(IReadOnlyCollection<int> connectedSeatIds) => AllAnswered(connectedSeatIds, DateTimeOffset.MinValue);

    /// <summary>
    /// Every connected learner who may still answer at <paramref name="now"/> has answered: once the common deadline
    /// has passed, only learners with extra time are waited for.
    /// </summary>
    public bool AllAnswered(IReadOnlyCollection<int> connectedSeatIds, DateTimeOffset now) =>
        Phase == SessionPhase.QuestionOpen && CurrentRound is { Consensus: false } round
        && connectedSeatIds.Count > 0
        && connectedSeatIds.All(id => round.Answers.ContainsKey(id) || SeatById(id) is null || round.RemainingFor(id, now) <= TimeSpan.Zero);

    public GameError? Pause(DateTimeOffset now)
    {
        if (Phase != SessionPhase.QuestionOpen || CurrentRound is not { Paused: false } round || now >= round.LastDeadline) return GameError.WrongPhase;
        // Negative once the common deadline has passed: learners with extra time keep exactly the time they had left.
        round.PausedRemaining = round.Unclamped(now);
        return null;
    }

    public GameError? Resume(DateTimeOffset now)
    {
        if (Phase != SessionPhase.QuestionOpen || CurrentRound is not { PausedRemaining: { } remaining } round) return GameError.WrongPhase;
        round.Deadline = now + remaining;
        round.PausedRemaining = null;
        return null;
    }

    /// <summary>The trainer closes the question before its deadline (a first vote of peer instruction: on to the discussion).</summary>
    public GameError? RevealNow(DateTimeOffset now)
    {
        if (Phase != SessionPhase.QuestionOpen || CurrentRound is not { } round) return GameError.WrongPhase;
        CloseRound(round, now);
        return null;
    }

    /// <summary>Drops the open question without scoring it and moves on.</summary>
    public GameError? Skip(DateTimeOffset now)
    {
        if (Phase is not (SessionPhase.QuestionOpen or SessionPhase.Discussion) || CurrentRound is not { } round) return GameError.WrongPhase;
        round.Closed = true;
        round.Skipped = true;
        round.DiscussionDeadline = null;
        round.PausedRemaining = null;
        AdvanceFrom(round.QuestionIndex, now);
        return null;
    }

    /// <summary>Reveal → Leaderboard → next question (or Podium after the last) → Ended.</summary>
    public GameError? Next(DateTimeOffset now)
    {
        switch (Phase)
        {
            case SessionPhase.Reveal:
                Phase = SessionPhase.Leaderboard;
                return null;
            case SessionPhase.Leaderboard:
                AdvanceFrom(CurrentRound!.QuestionIndex, now);
                return null;
            case SessionPhase.Podium:
                Phase = SessionPhase.Ended;
                EndedAt = now;
                return null;
            case SessionPhase.Discussion:
                OpenSecondVote(CurrentRound!, now);
                return null;
            default:
                return GameError.WrongPhase;
        }
    }

    /// <summary>Ends the game at once; an open question is scored first so that no acknowledged answer is lost.</summary>
    public GameError? End(DateTimeOffset now)
    {
        if (Phase == SessionPhase.Ended) return GameError.WrongPhase;
        if (Phase is SessionPhase.QuestionOpen or SessionPhase.Discussion && CurrentRound is { } round)
        {
            // A peer-instruction question ended before its second vote is scored on the votes given so far.
            if (round.Stage == PeerStage.FirstVote || Phase == SessionPhase.Discussion)
            {
                if (round.FirstAnswers is { } first) round.Answers = first;
                round.Stage = PeerStage.None;
                round.DiscussionDeadline = null;
            }
            CloseRound(round, round.Deadline ?? round.OpenedAt);
        }
        Phase = SessionPhase.Ended;
        EndedAt = now;
        return null;
    }

    // ----- Results -----

    /// <summary>Learners in rank order: score, then correct answers, then time taken by correct answers, then who joined first.</summary>
    public IReadOnlyList<Seat> Ranking() =>
        ActiveSeats.OrderByDescending(s => s.Score).ThenByDescending(s => s.CorrectCount)
            .ThenBy(s => s.CorrectTimeMs).ThenBy(s => s.Id).ToList();

    private void OpenQuestion(int index, DateTimeOffset now)
    {
        var question = Quiz.Questions[index];
        var limit = TimeSpan.FromSeconds(question.TimeLimitSeconds);
        Rounds.Add(new Round
        {
            QuestionIndex = index,
            OpenedAt = now,
            Deadline = now + limit,
            Stage = question.PeerInstruction ? PeerStage.FirstVote : PeerStage.None,
            Consensus = IsTeamGame && question.Collaborative,
            ExtraTime = ActiveSeats.Where(s => s.ExtraTime is not null).ToDictionary(s => s.Id, s => s.ExtraTime!.For(limit)) is { Count: > 0 } extra ? extra : null,
        });
        Phase = SessionPhase.QuestionOpen;
    }

    /// <summary>Peer instruction: the first votes are kept aside and the question opens again, with its full time.</summary>
    private void OpenSecondVote(Round round, DateTimeOffset now)
    {
        round.FirstAnswers = round.Answers;
        round.Answers = [];
        round.Stage = PeerStage.SecondVote;
        round.DiscussionDeadline = null;
        round.Closed = false;
        round.OpenedAt = now;
        round.Deadline = now + TimeSpan.FromSeconds(Quiz.Questions[round.QuestionIndex].TimeLimitSeconds);
        Phase = SessionPhase.QuestionOpen;
    }

    private void AdvanceFrom(int questionIndex, DateTimeOffset now)
    {
        if (questionIndex + 1 < QuestionCount) OpenQuestion(questionIndex + 1, now);
        else Phase = SessionPhase.Podium;
    }

    private void CloseRound(Round round, DateTimeOffset now)
    {
        var question = Quiz.Questions[round.QuestionIndex];
        round.PausedRemaining = null;
        if (round.Stage == PeerStage.FirstVote)
        {
            // The first vote of peer instruction closes without reveal: time to discuss.
            Phase = SessionPhase.Discussion;
            round.DiscussionDeadline = now + TimeSpan.FromSeconds(question.DiscussionSeconds);
            return;
        }
        round.Closed = true;
        Phase = SessionPhase.Reveal;
        if (!question.IsGraded)
            return;
        if (round.Consensus) ScoreConsensus(round, question);
        else ScoreIndividually(round, question);
    }

    private void ScoreIndividually(Round round, Question question)
    {
        var limit = TimeSpan.FromSeconds(question.TimeLimitSeconds);
        foreach (var seat in ActiveSeats)
        {
            if (!round.Answers.TryGetValue(seat.Id, out var answer))
            {
                seat.ContinueStreak(correct: false, question.Points);
                continue;
            }
            answer.Correct = ScoringRules.IsCorrect(answer.Credit);
            var bonus = seat.ContinueStreak(answer.Correct, question.Points);
            answer.StreakAfter = seat.Streak;
            // Speed is measured against the learner's own time: with extra time, the same share of it earns the same points.
            var ownLimit = limit + round.ExtraFor(seat.Id);
            answer.Points = ScoringRules.AnswerPoints(question.Points, answer.Credit, TimeSpan.FromMilliseconds(answer.ElapsedMs), ownLimit, Options.SpeedScoring)
                + bonus;
            seat.Score += answer.Points;
            if (answer.Correct)
            {
                seat.CorrectCount++;
                seat.CorrectTimeMs += ScoringRules.ComparableTimeMs(answer.ElapsedMs, limit, ownLimit);
            }
        }
        if (Teams.Count == 0) return;
        // In an individual round a team earns the mean of its members' points: every member counts, so a team is
        // not rewarded for leaving its weaker members out, and team sizes (within one of each other) do not matter.
        round.TeamResults = [];
        foreach (var team in Teams)
        {
            var members = Members(team.Id).ToList();
            var answers = members.Select(m => round.Answers.GetValueOrDefault(m.Id)).ToList();
            var result = new TeamRoundResult
            {
                TeamId = team.Id,
                Members = members.Count,
                Votes = answers.Count(a => a is not null),
                Credit = members.Count == 0 ? 0 : answers.Sum(a => a?.Credit ?? 0) / members.Count,
                Correct = members.Count > 0 && answers.Count(a => a?.Correct == true) * 2 > members.Count,
                Points = members.Count == 0 ? 0 : (int)Math.Round(answers.Sum(a => a?.Points ?? 0) / (double)members.Count, MidpointRounding.AwayFromZero),
            };
            round.TeamResults.Add(result);
            team.Score += result.Points;
            if (result.Correct) team.CorrectCount++;
        }
    }

    /// <summary>
    /// A consensus round: each team's answer is decided from its members' votes (<see cref="Consensus"/>) and graded
    /// without a speed component; every member who voted shares the team's result and points, plus its own streak
    /// bonus. Members who did not vote score nothing. Their own vote is kept to show them how they voted.
    /// </summary>
    private void ScoreConsensus(Round round, Question question)
    {
        var tieBreak = Options.Teams?.TieBreak ?? TieBreak.FirstVote;
        var consensusRound = Rounds.Count(r => r.Consensus && r.Closed && r != round && !r.Skipped);
        round.TeamResults = [];
        foreach (var team in Teams)
        {
            var members = Members(team.Id).ToList();
            var votes = members.Where(m => round.Answers.ContainsKey(m.Id))
                .Select(m => new Vote(m.Id, round.Answers[m.Id].Answer, round.Answers[m.Id].ReceivedAt)).ToList();
            var teamAnswer = Consensus.Decide(votes, tieBreak, Consensus.Captain(members.Select(m => m.Id).ToList(), consensusRound));
            var credit = teamAnswer is null ? 0 : question.GradeAsShown(teamAnswer, ShuffleSeed(round.QuestionIndex));
            var result = new TeamRoundResult
            {
                TeamId = team.Id,
                Answer = teamAnswer,
                Members = members.Count,
                Votes = votes.Count,
                Credit = credit,
                Correct = teamAnswer is not null && ScoringRules.IsCorrect(credit),
                Points = ScoringRules.AnswerPoints(question.Points, credit, TimeSpan.Zero, TimeSpan.Zero, speedScoring: false),
            };
            round.TeamResults.Add(result);
            team.Score += result.Points;
            if (result.Correct) team.CorrectCount++;
        }
        foreach (var seat in ActiveSeats)
        {
            var result = round.TeamResults.FirstOrDefault(r => r.TeamId == seat.TeamId);
            if (result is null || !round.Answers.TryGetValue(seat.Id, out var vote))
            {
                seat.ContinueStreak(correct: false, question.Points);
                continue;
            }
            vote.OwnCredit = vote.Credit;
            vote.Credit = result.Credit;
            vote.Correct = result.Correct;
            var bonus = seat.ContinueStreak(vote.Correct, question.Points);
            vote.StreakAfter = seat.Streak;
            vote.Points = result.Points + bonus;
            seat.Score += vote.Points;
            if (vote.Correct)
            {
                seat.CorrectCount++;
                seat.CorrectTimeMs += vote.ElapsedMs;
            }
        }
    }
}

/// <summary>What became of a submitted answer: accepted (new or repeated) or refused with an error.</summary>
public sealed record AnswerOutcome(SubmittedAnswer? Answer, GameError? Error, bool IsRepeat)
{
    public static AnswerOutcome Accepted(SubmittedAnswer answer) => new(answer, null, false);
    public static AnswerOutcome Repeated(SubmittedAnswer answer) => new(answer, null, true);
    public static AnswerOutcome Refused(GameError error) => new(null, error, false);
}
