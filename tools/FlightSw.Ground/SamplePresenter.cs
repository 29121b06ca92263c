using System.Globalization;
using FlightSw.Core.Telemetry;
using FlightSw.Link.Dictionary;
using FlightSw.Link.Messages;

namespace FlightSw.Ground;

/// <summary>Turns a housekeeping sample as it came over the link into a <see cref="GroundSample"/>, with the dictionary's name and enumeration labels.</summary>
internal static class SamplePresenter
{
    /// <summary>
    /// The ground view of <paramref name="sample"/>: named from <paramref name="dictionary"/>
    /// (<c>0xNNNN</c> when it is not listed or no dictionary is known yet), an enumeration's
    /// number replaced by its label (the number as text when the label is unknown).
    /// </summary>
    public static GroundSample Present(LinkDictionary? dictionary, HousekeepingSample sample)
    {
        var channel = dictionary?.FindChannel(sample.Id);
        string name = channel?.Name ?? string.Create(CultureInfo.InvariantCulture, $"0x{sample.Id:X4}");
        object? value = sample.Value;
        if (sample.Type == TelemetryType.Enumeration && value is int number)
        {
            value = channel?.LabelOf(number) ?? number.ToString(CultureInfo.InvariantCulture);
        }

        return new GroundSample(sample.Id, name, sample.Type, value, sample.Time, sample.UpdateCount);
    }
}
