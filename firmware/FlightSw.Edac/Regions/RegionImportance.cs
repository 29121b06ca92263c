namespace FlightSw.Edac.Regions;

/// <summary>How much a region matters; the scrubber scans higher importance first.</summary>
public enum RegionImportance
{
    /// <summary>Scratch or easily rebuilt data.</summary>
    Low,

    /// <summary>Ordinary data. The default.</summary>
    Normal,

    /// <summary>Data whose corruption degrades the mission, such as model weights.</summary>
    High,

    /// <summary>Control data whose corruption endangers the node.</summary>
    Critical,
}
