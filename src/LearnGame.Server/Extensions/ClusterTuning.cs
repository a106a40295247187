using Orleans.Configuration;

namespace LearnGame.Server.Extensions;

/// <summary>
/// Membership settings for a live game: a dead silo is declared dead within seconds, not the minute of Orleans'
/// defaults, so its sessions resume elsewhere while learners are still looking at the question.
/// </summary>
public static class ClusterTuning
{
    public static void FastFailureDetection(ClusterMembershipOptions o)
    {
        o.ProbeTimeout = TimeSpan.FromSeconds(2);
        o.NumMissedProbesLimit = 2;
        o.NumVotesForDeathDeclaration = 1;
        o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        o.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
    }
}
