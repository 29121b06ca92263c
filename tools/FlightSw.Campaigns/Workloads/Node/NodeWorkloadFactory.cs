using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FlightSw.Campaigns.Config;
using FlightSw.Campaigns.Faults;
using FlightSw.Core.Commands;
using FlightSw.Hal.Boards;
using FlightSw.Node.Payload;

namespace FlightSw.Campaigns.Workloads.Node;

/// <summary>
/// The <c>node</c> workload: the whole flight node (<see cref="FlightSw.Node.FlightImage"/>) on the
/// simulated board, on virtual time, flying its AI payload. Variants are the model's protection
/// modes (<c>none</c>, <c>dmr</c>, <c>tmr</c>, <c>abft</c>, <c>abft+tmr</c>); the answer of a
/// flight is the class and score of every inference the job publishes, and the contents of every
/// ECC region. Radiation is off and the node's seed fixes the rest, so the golden flight of a
/// variant (flown once, on first use, for <see cref="NodeWorkloadConfig.DurationSeconds"/> and then
/// on to ten times its last answer's time, and refused if it detects anything) is the same every
/// time. Targets: every ECC region the booted node registers in its memory map (payload images
/// and the model's weight regions; 72-bit codewords) and every component of the image, or the
/// configured ones (one element each). A trial injects at its fraction of the golden time and
/// flies until the golden number of answers came and the node's detection window has passed
/// since the injection, scrubs the hit region, and is judged; see <c>NodeWorkload</c> for how
/// long it flies and <c>NodeTrialClassifier</c> for the rules. Runs on virtual time: hangs are
/// judged here, not by the runner.
/// </summary>
/// <remarks>
/// A component-state fault is a hang through the fault injector's <c>FI_HANG</c> command, as the
/// ground would send it; for the executive (<c>scheduler</c>), which has no cycle a hang flag
/// can stop, it is <see cref="Core.Application.FlightApplication.Halt"/>. Passive components
/// (no rate group) do nothing while hung, so their hangs are masked.
/// </remarks>
public sealed class NodeWorkloadFactory : IWorkloadFactory
{
    private readonly NodeWorkloadConfig _config;
    private readonly string _payloadSha;
    private readonly Dictionary<string, NodeVariant> _variants;

    /// <summary>Builds the workload of <paramref name="config"/>: loads the board and the payload once and composes it with each protection.</summary>
    /// <param name="config">The workload's configuration.</param>
    /// <param name="imagesDirectory">The images folder (manifests, model, samples); <see cref="PayloadImageManifest.DefaultDirectory"/> when null.</param>
    /// <exception cref="ArgumentException">No protection is configured, or a configured component is not in the flight image (the message lists those that are).</exception>
    /// <exception cref="InvalidDataException">The images folder's payload is refused, or has no inference payload to fly.</exception>
    /// <exception cref="UnknownBoardException">The board name is not in the board catalog.</exception>
    /// <exception cref="BoardDefinitionException">The board file breaks a rule.</exception>
    public NodeWorkloadFactory(NodeWorkloadConfig config, string? imagesDirectory = null)
        : this(config, imagesDirectory, [])
    {
    }

    /// <summary>Like the public constructor, with <paramref name="bootCommands"/> sent by the ground at every boot of every flight (golden and trials), for example a PRM_SET.</summary>
    internal NodeWorkloadFactory(NodeWorkloadConfig config, string? imagesDirectory, IReadOnlyList<CommandRequest> bootCommands)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Protections.Count == 0)
        {
            throw new ArgumentException("The node workload needs at least one protection mode.", nameof(config));
        }

        _config = config;
        var board = LoadBoard(config.Board);
        string directory = imagesDirectory ?? PayloadImageManifest.DefaultDirectory();
        var payload = FlightPayload.Load(directory);
        var inference = payload.Inference
            ?? throw new InvalidDataException($"The images folder {directory} has no inference payload (inference.json): the node workload's answers are its inferences.");

        _payloadSha = PayloadSha(directory, payload.Images, inference.Settings);
        var duration = TimeSpan.FromSeconds(config.DurationSeconds);
        _variants = new Dictionary<string, NodeVariant>(StringComparer.Ordinal);
        foreach (var mode in config.Protections)
        {
            string name = CampaignConfigReader.ProtectionName(mode);
            var settings = inference.Settings with { Protection = mode, PeriodSeconds = config.InferencePeriodSeconds };
            var composed = new FlightPayload(payload.Images, InferencePayload.Load(settings));
            if (!_variants.TryAdd(name, new NodeVariant(name, composed, board, config.NodeSeed, duration, config.Components, bootCommands)))
            {
                throw new ArgumentException($"Protection '{name}' is listed twice.", nameof(config));
            }
        }

        Variants = [.. _variants.Keys];
        if (config.Components.Count > 0)
        {
            CheckComponents(_variants[Variants[0]], config.Components);
        }
    }

    /// <inheritdoc />
    public string Description => string.Create(
        CultureInfo.InvariantCulture,
        $"Flight node on board '{_config.Board}' (seed {_config.NodeSeed}, virtual time), payload sha256 {_payloadSha}, {_config.DurationSeconds:0.#} s golden flight with an inference every {_config.InferencePeriodSeconds:0.#} s; variants: protection {string.Join(", ", Variants)}");

    /// <inheritdoc />
    public IReadOnlyList<string> Variants { get; }

    /// <inheritdoc />
    public int InputCount => 1;

    /// <inheritdoc />
    public bool RunsOnVirtualTime => true;

    /// <inheritdoc />
    /// <remarks>Flies the variant's golden flight on first use (its boot lists the regions and components).</remarks>
    /// <exception cref="ArgumentException"><paramref name="variant"/> is not one of <see cref="Variants"/>.</exception>
    /// <exception cref="InvalidOperationException">The golden flight crashed, reset, failed an inference, detected anything, or published none.</exception>
    public IReadOnlyList<FaultTarget> TargetsOf(string variant) => VariantOf(variant).Golden.Targets;

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="variant"/> is not one of <see cref="Variants"/>.</exception>
    public IWorkload Create(string variant) => new NodeWorkload(VariantOf(variant));

    /// <inheritdoc />
    public void Dispose()
    {
        // Every flight disposes its node; the payload is managed memory.
    }

    // The payload's identity for results headers: the images' and model's verified checksums and
    // the samples' bytes, so results flown with another payload are never resumed or merged.
    private static string PayloadSha(string directory, IReadOnlyList<PayloadImage> images, InferenceSettings settings)
    {
        string samples = Path.IsPathRooted(settings.SamplesFile) ? settings.SamplesFile : Path.Combine(directory, settings.SamplesFile);
        var identity = new StringBuilder();
        foreach (var image in images)
        {
            identity.Append(image.Region).Append(' ').Append(image.Checksum.Hex).Append('\n');
        }

        identity.Append(settings.Region).Append(' ').Append(settings.Checksum.Hex).Append('\n');
        identity.Append(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(samples))));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity.ToString())))[..16];
    }

    /// <summary>The board named <paramref name="board"/> in the catalog, or the board file at that path.</summary>
    internal static BoardDefinition LoadBoard(string board)
    {
        bool isFile = board.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || board.Contains('/', StringComparison.Ordinal) || Path.IsPathRooted(board);
        return isFile ? BoardDefinitionLoader.LoadFile(board) : BoardCatalog.Locate().Load(board);
    }

    /// <summary>Boots the node once to list its components, so a misspelt name fails before any trial.</summary>
    private static void CheckComponents(NodeVariant variant, IReadOnlyList<string> components)
    {
        using var flight = variant.Fly();
        if (!flight.FlyUntilRunning(TimeSpan.FromMinutes(1)) || flight.Application is not { } app)
        {
            throw new InvalidOperationException($"The node of variant '{variant.Name}' did not boot within a minute of virtual time; its components cannot be listed.");
        }

        foreach (string name in components)
        {
            if (app.FindComponent(name) is null)
            {
                throw new ArgumentException($"Component '{name}' is not in the flight image; known: {string.Join(", ", app.Components.Select(c => c.Name))}.", nameof(components));
            }
        }
    }

    private NodeVariant VariantOf(string variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        return _variants.TryGetValue(variant, out var found)
            ? found
            : throw new ArgumentException($"'{variant}' is not a variant of this workload; known: {string.Join(", ", Variants)}.", nameof(variant));
    }
}
