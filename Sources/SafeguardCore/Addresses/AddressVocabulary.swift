/// The words of UK addresses that carry structure rather than identity: flat designators, floors, and the
/// abbreviations people use for street types and building words.
///
/// Kept as plain tables so a reviewer can see, and extend, exactly what the matcher treats as equal.
enum AddressVocabulary {
    /// Words that introduce a sub-building ("FLAT 2", "APT 3", "UNIT B").
    static let designators: Set<String> = [
        "FLAT", "FLT", "FLATS", "APARTMENT", "APARTMENTS", "APT", "APPT", "APTS", "UNIT", "ROOM", "RM",
        "MAISONETTE", "STUDIO", "SUITE",
    ]

    /// Words that mean "number" and nothing else ("NO 10").
    static let numberWords: Set<String> = ["NO", "NUMBER", "NUM"]

    /// Floor words and the floor each names. A floor word only counts as a floor when "FLOOR" or "FLAT"
    /// follows it (so "FIRST AVENUE" stays a street), except BASEMENT, which needs nothing.
    static let floors: [String: String] = [
        "BASEMENT": "BASEMENT", "BSMT": "BASEMENT", "LOWER": "LOWER GROUND",
        "GROUND": "GROUND", "GRD": "GROUND", "GND": "GROUND", "GRND": "GROUND", "GF": "GROUND",
        "FIRST": "FIRST", "1ST": "FIRST", "SECOND": "SECOND", "2ND": "SECOND", "THIRD": "THIRD", "3RD": "THIRD",
        "FOURTH": "FOURTH", "4TH": "FOURTH", "FIFTH": "FIFTH", "5TH": "FIFTH", "SIXTH": "SIXTH", "6TH": "SIXTH",
        "TOP": "TOP", "UPPER": "UPPER",
    ]

    /// Words that end a floor phrase ("GROUND FLOOR", "1ST FLR").
    static let floorWords: Set<String> = ["FLOOR", "FLR", "FLOORS", "FL"]

    /// Street-type and building-word abbreviations, expanded so "HIGH ST" and "HIGH STREET" compare equal.
    /// "ST" is handled apart: STREET at the end of a part, SAINT ("ST JOHNS COURT") elsewhere.
    static let expansions: [String: String] = [
        "RD": "ROAD", "AVE": "AVENUE", "AV": "AVENUE", "AVN": "AVENUE", "LN": "LANE", "LNE": "LANE",
        "CL": "CLOSE", "CLS": "CLOSE", "CRES": "CRESCENT", "CRESC": "CRESCENT", "CRS": "CRESCENT",
        "DR": "DRIVE", "DRV": "DRIVE", "GDNS": "GARDENS", "GDN": "GARDENS", "GRDNS": "GARDENS", "GARDEN": "GARDENS",
        "PL": "PLACE", "SQ": "SQUARE", "TER": "TERRACE", "TERR": "TERRACE", "TCE": "TERRACE",
        "CT": "COURT", "CRT": "COURT", "GR": "GROVE", "GRO": "GROVE", "GRV": "GROVE", "PK": "PARK",
        "HSE": "HOUSE", "HO": "HOUSE", "COTT": "COTTAGE", "CTG": "COTTAGE", "MANS": "MANSIONS", "HTS": "HEIGHTS",
        "BLDG": "BUILDING", "BLDGS": "BUILDINGS", "MT": "MOUNT", "WLK": "WALK", "PDE": "PARADE", "CLO": "CLOSE",
        "SAINT": "ST", "STREET": "STREET",
    ]

    /// Street types: a part ending in one of these reads as a street rather than a house name.
    static let streetTypes: Set<String> = [
        "ROAD", "STREET", "LANE", "AVENUE", "CLOSE", "CRESCENT", "DRIVE", "GARDENS", "PLACE", "SQUARE", "TERRACE",
        "GROVE", "WAY", "WALK", "PARADE", "HILL", "RISE", "ROW", "MEWS", "GREEN", "VIEW", "COURT",
    ]

    /// Words too common to block on or to count against a candidate when left unexplained.
    static let stopWords: Set<String> = ["THE", "AND", "OF", "AT", "ON", "IN", "OLD", "NEW"]

    /// Ordinal numbers as their own tokens ("1ST" is a floor word, not house number 1 with suffix "ST").
    static func isOrdinal(_ s: String) -> Bool {
        guard s.count >= 3, let first = s.first, first.isASCII, first.isNumber else { return false }
        let suffix = s.suffix(2)
        return ["ST", "ND", "RD", "TH"].contains(String(suffix)) && s.dropLast(2).allSatisfy { $0.isNumber }
    }
}
