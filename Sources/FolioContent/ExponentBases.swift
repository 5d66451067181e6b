/// Words after which a superscript number is an exponent, not a footnote marker: units
/// (`km<sup>2</sup>`, `Nm³`, `m/s<sup>2</sup>`) and the letters of formulas (`x<sup>2</sup>`).
/// Import, which turns markers into notes, and validation, which reports markers left over,
/// read superscripts by this one list.
public enum ExponentBases {
    public static let words: Set<String> = [
        "m", "cm", "mm", "km", "dm", "Nm", "nm", "µm", "μm", "ft", "yd", "mi", "in", "m/s", "s", "sq",
        "ha", "kg", "g", "mt", "x", "y", "n", "e",
    ]
}
