namespace FlightSw.Inference.Kernels;

/// <summary>
/// A register-blocked GEMM microkernel for one vector width. It computes a tile of
/// <see cref="Gemm.PanelRows"/> rows by <see cref="Width"/> columns of C from one packed A panel
/// (k-major, <see cref="Gemm.PanelRows"/> floats per k) and one packed B panel (k-major,
/// <see cref="Width"/> floats per k). Every element is one FMA chain in ascending k, so all
/// implementations give the same bits.
/// </summary>
/// <remarks>
/// A struct implementing this is passed as a type argument, so the JIT specialises the
/// blocked driver per width and calls the kernels directly.
/// </remarks>
internal unsafe interface IGemmTile
{
    /// <summary>Columns of one tile, and of one packed B panel.</summary>
    static abstract int Width { get; }

    /// <summary>
    /// tile[r, x] = fma chain over p of a[p*8 + r] * b[p*Width + x], starting from
    /// <paramref name="init"/>[r] or, when <paramref name="init"/> is null, from the tile itself.
    /// </summary>
    static abstract void Full(float* a, float* b, int kc, float* c, int ldc, float* init);

    /// <summary>As <see cref="Full"/> for the first Width/2 columns only (b still strides Width).</summary>
    static abstract void Half(float* a, float* b, int kc, float* c, int ldc, float* init);
}
