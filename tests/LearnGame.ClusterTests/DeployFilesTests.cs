using System.Reflection;
using System.Text.RegularExpressions;
using LearnGame.Grains.Sessions;
using LearnGame.Server.Extensions;
using LearnGame.Testing;
using Orleans.Hosting.Kubernetes;
using YamlDotNet.RepresentationModel;

namespace LearnGame.ClusterTests;

/// <summary>
/// deploy/ cannot be run here (no Docker, no Kubernetes): these checks keep its files parseable and in step with the
/// code — every setting they pass is one the server reads, every path exists, every port and image agrees.
/// </summary>
public sealed partial class DeployFilesTests
{
    private static readonly string Deploy = Path.Combine(Repository.Root, "deploy");

    /// <summary>Every configuration key the server binds, from its settings types (Section:Property), lower case.</summary>
    private static readonly HashSet<string> ServerKeys = new[] { typeof(OrleansSettings), typeof(StorageSettings), typeof(OperationsSettings), typeof(RetentionOptions) }
        .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)
            .Select(p => $"{t.GetField("Section")!.GetRawConstantValue()}:{p.Name}".ToLowerInvariant()))
        .Append("urls") // the host's own key, which appsettings.json sets too
        .ToHashSet();

    /// <summary>The variables Orleans' Kubernetes hosting reads from the pod.</summary>
    private static readonly HashSet<string> KubernetesVariables = typeof(KubernetesHostingOptions)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.Name.EndsWith("EnvironmentVariable", StringComparison.Ordinal))
        .Select(f => (string)f.GetRawConstantValue()!).ToHashSet();

    private static bool IsServerKey(string environmentKey) => ServerKeys.Contains(environmentKey.Replace("__", ":").ToLowerInvariant());

    [Fact]
    public void Every_yaml_file_in_deploy_parses()
    {
        var files = Directory.GetFiles(Deploy, "*.yaml", SearchOption.AllDirectories);
        Assert.True(files.Length >= 6, $"only {files.Length} YAML files in deploy/");
        foreach (var file in files) Assert.NotEmpty(Load(file));
    }

    [Fact]
    public void The_server_binds_the_keys_these_checks_rely_on()
    {
        // Guards the reflection above: were it to find nothing, every key check below would be vacuous.
        Assert.Contains("storage:connectionstring", ServerKeys);
        Assert.Contains("orleans:kubernetes", ServerKeys);
        Assert.Contains("operations:operatorkey", ServerKeys);
        Assert.Equal(["POD_IP", "POD_NAME", "POD_NAMESPACE"], KubernetesVariables.Where(v => v.StartsWith("POD_", StringComparison.Ordinal)).Order());
        Assert.False(IsServerKey("Storage__ConectionString"));
    }

    [Fact]
    public void Compose_runs_postgres_three_silos_of_our_image_and_a_proxy_with_settings_the_server_reads()
    {
        var compose = (YamlMappingNode)Load(Path.Combine(Deploy, "compose.yaml"))[0];
        var services = Map(compose, "services");
        var postgres = Map(services, "postgres");
        Assert.True(int.Parse(Text(postgres, "image").Split(':')[1]) >= 15, "the schema needs PostgreSQL 15 or later");

        var silos = services.Children.Where(s => ((YamlScalarNode)s.Key).Value!.StartsWith("silo", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, silos.Count);
        var addresses = new HashSet<string>();
        foreach (var (key, node) in silos)
        {
            var silo = (YamlMappingNode)node;
            var build = Map(silo, "build");
            Assert.True(File.Exists(Path.Combine(Deploy, Text(build, "context"), Text(build, "dockerfile"))), $"{key}: Dockerfile not found");
            Assert.Equal("learngame:latest", Text(silo, "image"));
            var environment = Map(silo, "environment");
            foreach (var variable in environment.Children.Keys.Cast<YamlScalarNode>())
                Assert.True(IsServerKey(variable.Value!), $"{key}: {variable.Value} is not a key the server reads");
            Assert.Equal("postgres", Text(environment, "Storage__Provider"));
            Assert.Contains("Host=postgres;", Text(environment, "Storage__ConnectionString"));
            // Orleans needs each silo to advertise the address the others reach it at: its own fixed one.
            var advertised = Text(environment, "Orleans__AdvertisedAddress");
            Assert.Equal(advertised, Text(Map(Map(silo, "networks"), "cluster"), "ipv4_address"));
            Assert.True(addresses.Add(advertised));
        }

        var proxy = Map(services, "proxy");
        Assert.StartsWith("caddy:", Text(proxy, "image"));
        var mounted = ((YamlSequenceNode)proxy.Children[new YamlScalarNode("volumes")]).Children.Cast<YamlScalarNode>().Single().Value!.Split(':');
        Assert.Equal("/etc/caddy/Caddyfile", mounted[1]);
        Assert.True(File.Exists(Path.Combine(Deploy, mounted[0])));
    }

    [Fact]
    public void The_caddyfile_sends_every_path_including_the_hub_to_every_silo_with_sticky_cookies_and_health_checks()
    {
        var caddyfile = File.ReadAllLines(Path.Combine(Deploy, "Caddyfile")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var proxy = caddyfile.Single(l => l.StartsWith("reverse_proxy ", StringComparison.Ordinal)).TrimEnd('{', ' ').Split(' ')[1..];
        // No matcher (a path or @name) before the upstreams: /hubs/game and its WebSocket upgrade go through, which
        // Caddy's reverse_proxy carries without configuration.
        Assert.DoesNotContain(proxy, u => u.StartsWith('/') || u.StartsWith('@') || u == "*");
        var port = new Uri(ImageUrls().Replace("+", "localhost")).Port;
        Assert.Equal(["silo1", "silo2", "silo3"], proxy.Select(u => u.Split(':')[0]));
        Assert.All(proxy, u => Assert.Equal(port, int.Parse(u.Split(':')[1])));
        Assert.Contains("lb_policy cookie learngame_silo", caddyfile);
        Assert.Contains("health_uri /health", caddyfile);
    }

    [Fact]
    public void The_dockerfile_copies_paths_that_exist_builds_with_our_switch_and_runs_our_dll_unprivileged_on_its_ports()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(Deploy, "Dockerfile"));
        var copies = dockerfile.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from=")).ToList();
        Assert.NotEmpty(copies);
        foreach (var copy in copies)
            foreach (var source in copy.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])
                Assert.True(File.Exists(Path.Combine(Repository.Root, source)) || Directory.Exists(Path.Combine(Repository.Root, source)), $"{source} (in {copy}) does not exist");

        var project = File.ReadAllText(Path.Combine(Repository.Root, "src", "LearnGame.Server", "LearnGame.Server.csproj"));
        Assert.Contains("-p:SkipClientBuild=true", dockerfile.Single(l => l.Contains("dotnet publish")));
        Assert.Contains("'$(SkipClientBuild)' != 'true'", project);
        var target = TargetFramework().Replace("net", "");
        Assert.Contains($"FROM mcr.microsoft.com/dotnet/sdk:{target} AS server", dockerfile);
        Assert.Contains($"FROM mcr.microsoft.com/dotnet/aspnet:{target}", dockerfile);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"LearnGame.Server.dll\"]", dockerfile);
        Assert.Contains("USER $APP_UID", dockerfile);

        var exposed = dockerfile.Single(l => l.StartsWith("EXPOSE ", StringComparison.Ordinal)).Split(' ')[1..].Select(int.Parse).ToList();
        var defaults = new OrleansSettings();
        Assert.Equal([new Uri(ImageUrls().Replace("+", "localhost")).Port, defaults.SiloPort, defaults.GatewayPort], exposed);
    }

    [Fact]
    public void The_kubernetes_deployment_uses_orleans_kubernetes_hosting_with_keys_the_server_reads_and_its_rbac()
    {
        var deployment = Load(Path.Combine(Deploy, "kubernetes", "deployment.yaml")).Cast<YamlMappingNode>().Single();
        var template = Map(Map(deployment, "spec"), "template");
        var pod = Map(template, "spec");
        var container = (YamlMappingNode)((YamlSequenceNode)pod.Children[new YamlScalarNode("containers")]).Children.Single();
        Assert.Equal("learngame:latest", Text(container, "image"));

        var env = ((YamlSequenceNode)container.Children[new YamlScalarNode("env")]).Children.Cast<YamlMappingNode>()
            .ToDictionary(e => Text(e, "name"));
        foreach (var name in env.Keys)
            Assert.True(IsServerKey(name) || KubernetesVariables.Contains(name), $"{name} is read neither by the server nor by Orleans' Kubernetes hosting");
        Assert.Equal("true", Text(env["Orleans__Kubernetes"], "value"));
        Assert.Equal("postgres", Text(env["Storage__Provider"], "value"));
        Assert.Equal("learngame-postgres", Text(Map(Map(env["Storage__ConnectionString"], "valueFrom"), "secretKeyRef"), "name"));
        Assert.Equal("status.podIP", Text(Map(Map(env["POD_IP"], "valueFrom"), "fieldRef"), "fieldPath"));
        Assert.Equal("metadata.name", Text(Map(Map(env["POD_NAME"], "valueFrom"), "fieldRef"), "fieldPath"));

        // Orleans' agent selects the cluster's pods by these labels, built from ClusterOptions.
        var labels = Map(Map(template, "metadata"), "labels");
        Assert.Equal(Text(env["Orleans__ClusterId"], "value"), Text(labels, KubernetesHostingOptions.ClusterIdLabel));
        Assert.Equal(Text(env["Orleans__ServiceId"], "value"), Text(labels, KubernetesHostingOptions.ServiceIdLabel));

        var ports = ((YamlSequenceNode)container.Children[new YamlScalarNode("ports")]).Children.Cast<YamlMappingNode>().ToDictionary(p => Text(p, "name"), p => int.Parse(Text(p, "containerPort")));
        var defaults = new OrleansSettings();
        Assert.Equal(new Uri(ImageUrls().Replace("+", "localhost")).Port, ports["http"]);
        Assert.Equal(defaults.SiloPort, ports["silo"]);
        Assert.Equal(defaults.GatewayPort, ports["gateway"]);
        var readiness = Map(Map(container, "readinessProbe"), "httpGet");
        Assert.Equal("/health", Text(readiness, "path"));
        Assert.Equal("http", Text(readiness, "port"));
        Assert.True(int.Parse(Text(pod, "terminationGracePeriodSeconds")) >= 30);

        var rbac = Load(Path.Combine(Deploy, "kubernetes", "rbac.yaml")).Cast<YamlMappingNode>().ToDictionary(d => Text(d, "kind"));
        Assert.Equal(Text(pod, "serviceAccountName"), Text(Map(rbac["ServiceAccount"], "metadata"), "name"));
        var rule = (YamlMappingNode)((YamlSequenceNode)rbac["Role"].Children[new YamlScalarNode("rules")]).Children.Single();
        Assert.Equal(["pods"], Scalars(rule, "resources"));
        Assert.Equal(["get", "list", "patch", "watch"], Scalars(rule, "verbs").Order());
        var subject = (YamlMappingNode)((YamlSequenceNode)rbac["RoleBinding"].Children[new YamlScalarNode("subjects")]).Children.Single();
        Assert.Equal(Text(pod, "serviceAccountName"), Text(subject, "name"));
        Assert.Equal(Text(Map(rbac["Role"], "metadata"), "name"), Text(Map(rbac["RoleBinding"], "roleRef"), "name"));

        var service = (YamlMappingNode)Load(Path.Combine(Deploy, "kubernetes", "service.yaml")).Single();
        Assert.Equal("http", Text((YamlMappingNode)((YamlSequenceNode)Map(service, "spec").Children[new YamlScalarNode("ports")]).Children.Single(), "targetPort"));
        Assert.Equal(Text(Map(Map(deployment, "spec"), "selector").Children.Values.Cast<YamlMappingNode>().Single(), "app"), Text(Map(Map(service, "spec"), "selector"), "app"));

        var kustomization = (YamlMappingNode)Load(Path.Combine(Deploy, "kubernetes", "kustomization.yaml")).Single();
        foreach (var resource in Scalars(kustomization, "resources"))
            Assert.True(File.Exists(Path.Combine(Deploy, "kubernetes", resource)), resource);
    }

    /// <summary>The Urls the image sets (ENV Urls=…), where the server listens in a container.</summary>
    private static string ImageUrls() =>
        UrlsSetting().Match(File.ReadAllText(Path.Combine(Deploy, "Dockerfile"))).Groups[1].Value is { Length: > 0 } urls
            ? urls : throw new InvalidOperationException("The Dockerfile sets no Urls.");

    private static string TargetFramework() =>
        Regex.Match(File.ReadAllText(Path.Combine(Repository.Root, "Directory.Build.props")), "<TargetFramework>(net[0-9.]+)</TargetFramework>").Groups[1].Value;

    [GeneratedRegex(@"ENV Urls=(\S+)")]
    private static partial Regex UrlsSetting();

    private static List<YamlNode> Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(file);
        stream.Load(reader);
        return stream.Documents.Select(d => d.RootNode).ToList();
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string Text(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    private static List<string> Scalars(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children.Cast<YamlScalarNode>().Select(s => s.Value!).ToList();
}
