namespace FlightSw.Inference.Protection;

/// <summary>How an inference is protected against upsets in its weights and its arithmetic; chosen per model.</summary>
public enum ProtectionMode
{
    /// <summary>One run on one weight copy; nothing is checked.</summary>
    None,

    /// <summary>Dual modular redundancy: two replicas, each with its own weights; a difference is detected and both are scrubbed and run again.</summary>
    Dmr,

    /// <summary>Triple modular redundancy: three replicas, each with its own weights in its own ECC region; a bitwise majority vote masks one faulty replica, which is repaired at once.</summary>
    Tmr,

    /// <summary>
    /// Algorithm-based fault tolerance: checksum-augmented GEMM and convolution (weights times a
    /// constant-weight input) detect a corrupted result and recompute it; depthwise convolutions,
    /// which have no cheap checksum, have their weights' ECC checked and run twice, compared.
    /// Not covered, by design: a MatMul of two computed tensors, elementwise layers and their
    /// constants, standalone batch normalisation, a Gemm C operand that is not a per-output bias,
    /// and activations after a layer's check (the scrubber's patrol still covers the weights).
    /// </summary>
    Abft,

    /// <summary><see cref="Abft"/> for the body, and the final weighted layer (the classifier head) and what follows it run as three voted replicas.</summary>
    AbftTmr,
}
