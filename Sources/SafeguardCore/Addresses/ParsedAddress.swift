/// A UK address taken apart into the fields that identify a dwelling.
///
/// Parsing is a best effort on purpose. Typed addresses drop the street, swap parts and run words together,
/// so the matcher does not trust the field a word landed in: it keeps the numbers, letters and words in order
/// (`numbers`, `words`) and asks of each candidate whether *its* fields can be found among them. The named
/// fields below are what a person would read off the address, and are exact for well-formed gazetteer lines
/// ("FLAT A, ST JOHNS COURT, 1 LEWIS ROAD, BATES HEATH, NEW WAYNE").
public struct ParsedAddress: Sendable, Equatable {
    /// The flat or unit: "2", "A", "A4". From "FLAT 2", "APT 2", "2/10", a lone letter part, or the first of
    /// two bare numbers ("1, 15 WATERS LANE").
    public var flat: String?
    /// The floor a flat is named by: "BASEMENT", "GROUND", "FIRST", … "TOP".
    public var floor: String?
    /// A building or house name: "ROSE COTTAGE", "THE OLD MILL", "VICTORIA COURT".
    public var buildingName: String?
    /// The house number with any suffix letter or range: "10", "12A", "10-12".
    public var houseNumber: String?
    public var street: String?
    public var locality: String?
    public var town: String?
    /// Normalised, with one space: "HG3 2XF". Taken from the separate field or, failing that, the text.
    public var postcode: String?

    /// The sub-building as a person would write it: "FLAT 2", "GROUND FLOOR FLAT", "FLAT".
    public var subBuilding: String? {
        if let flat { return floor.map { "FLAT \(flat), \($0) FLOOR" } ?? "FLAT \(flat)" }
        if let floor { return floor == "BASEMENT" ? "BASEMENT FLAT" : "\(floor) FLOOR FLAT" }
        return flatMentioned ? "FLAT" : nil
    }

    // Matching material.
    /// The postcode without spaces, for keys and comparison.
    var postcodeKey: String?
    /// True when the unit came from a designator ("FLAT 2") or "2/10", not from guessing between bare numbers.
    var flatIsExplicit = false
    /// "FLAT" or a floor phrase with no readable id ("FLAT, 6 …", "TQRD FLOOR FLAT").
    var flatMentioned = false
    /// Numbers in order, excluding an explicit flat: house numbers, and implicit flat numbers.
    var numbers: [String] = []
    /// Words in order (abbreviations expanded), excluding flat and floor words, numbers and the postcode.
    var words: [String] = []
    /// A part that is a single letter ("C, ALBION HOUSE, …"): most likely a flat letter.
    var flatLetter: String?

    public init(_ text: String, postcode: String?) {
        var segments = AddressLexer.segments(text)
        let typed = AddressLexer.takePostcode(&segments)
        postcodeKey = AddressPostcode.normalise(postcode) ?? typed
        self.postcode = postcodeKey.map(AddressPostcode.display)

        var reader = TokenReader()
        for (s, tokens) in segments.enumerated() { reader.read(tokens, segment: s) }
        flat = reader.unit
        flatIsExplicit = reader.unit != nil
        floor = reader.floor
        flatMentioned = reader.flatMentioned
        numbers = reader.numbers.map(\.text)
        words = reader.words.map(\.text)
        flatLetter = reader.unitLetter
        assignFields(reader)
    }

    /// Reads the named fields off the token positions: the house number's part holds the street (or, when
    /// the number stands alone, the next part does); parts before it hold the building name; parts after the
    /// street are locality then town.
    private mutating func assignFields(_ reader: TokenReader) {
        var numbers = reader.numbers
        if flat == nil, numbers.count >= 2 { flat = numbers.removeFirst().text }
        if flat == nil, let letter = reader.unitLetter { flat = letter }
        let segmentCount = (reader.words.map(\.segment).max() ?? -1) + 1
        var partWords = [[Positioned]](repeating: [], count: max(segmentCount, (numbers.last?.segment ?? -1) + 1))
        for w in reader.words { partWords[w.segment].append(w) }
        func joined(_ ws: [Positioned]) -> String? { ws.isEmpty ? nil : ws.map(\.text).joined(separator: " ") }

        var after: [String] = []
        if let house = numbers.last {
            houseNumber = house.text
            let here = partWords[house.segment]
            let before = partWords[..<house.segment].compactMap(joined)
            buildingName = joined(here.filter { $0.position < house.position }) ?? before.first
            var rest = partWords[(house.segment + 1)...].compactMap(joined)
            street = joined(here.filter { $0.position > house.position })
            if street == nil, !rest.isEmpty { street = rest.removeFirst() }
            after = rest
        } else {
            var parts = partWords.compactMap(joined)
            if parts.count >= 3 || (parts.count == 2 && !Self.endsLikeStreet(parts[0])) {
                buildingName = parts.removeFirst()
            }
            if !parts.isEmpty { street = parts.removeFirst() }
            after = parts
        }
        if let last = after.popLast() { town = last }
        if !after.isEmpty { locality = after.joined(separator: " ") }
    }

    static func endsLikeStreet(_ part: String) -> Bool {
        guard let last = part.split(separator: " ").last else { return false }
        return AddressVocabulary.streetTypes.contains(String(last)) && last != "COURT" && last != "VIEW"
    }
}

/// A token with where it was found: part (segment) and place in that part.
struct Positioned: Equatable {
    var text: String
    var segment: Int
    var position: Int
}

/// Walks the tokens of each part, taking out flats, floors and numbers and leaving words.
struct TokenReader {
    var unit: String?
    var unitLetter: String?
    var floor: String?
    var flatMentioned = false
    var numbers: [Positioned] = []
    var words: [Positioned] = []

    mutating func read(_ t: [String], segment: Int) {
        let vocab = AddressVocabulary.self
        var i = 0
        var sawFlatWords = false
        let numbersBefore = numbers.count
        let wordsBefore = words.count
        func isWordAt(_ j: Int) -> Bool {
            j < t.count && t[j].count >= 2 && t[j].allSatisfy(\.isLetter) && !vocab.designators.contains(t[j])
        }
        while i < t.count {
            let tok = t[i]
            if vocab.designators.contains(tok)
                || Self.isMistypedFlat(tok) && Self.isUnitID(i + 1 < t.count ? t[i + 1] : "")
            {
                sawFlatWords = true
                var j = i + 1
                if j < t.count, vocab.numberWords.contains(t[j]) { j += 1 }
                if j < t.count, Self.isUnitID(t[j]), unit == nil {
                    unit = Self.canonicalUnit(t[j])
                    i = j + 1
                } else {
                    flatMentioned = true
                    i += 1
                }
                continue
            }
            let next = i + 1 < t.count ? t[i + 1] : ""
            if let level = vocab.floors[tok],
                vocab.floorWords.contains(next) || vocab.designators.contains(next) || level == "BASEMENT"
                    || (tok == "LOWER" && next == "GROUND")
            {
                sawFlatWords = true
                if floor == nil { floor = level }
                i += 1
                while i < t.count, vocab.floorWords.contains(t[i]) || (tok == "LOWER" && t[i] == "GROUND") { i += 1 }
                if i < t.count, vocab.designators.contains(t[i]) { i += 1 }  // "… FLOOR FLAT"
                // "GROUND FLOOR 3", "FIRST FLOOR FLAT 3": an id ending the part names the flat; in
                // "1ST FLOOR FLAT 16 HIGH STREET" the number runs on into the street and is the house.
                if i == t.count - 1, Self.isUnitID(t[i]), unit == nil {
                    unit = Self.canonicalUnit(t[i])
                    i += 1
                }
                continue
            }
            if vocab.floorWords.contains(next), tok.allSatisfy(\.isLetter) {  // a mistyped floor: "TQRD FLOOR"
                sawFlatWords = true
                flatMentioned = true
                i += 2
                continue
            }
            if vocab.floorWords.contains(tok) || vocab.numberWords.contains(tok) && Self.isNumber(next) {
                i += 1
                continue
            }
            if tok == "/" {  // "2/10": the number before the slash is the flat
                if let prev = numbers.last, prev.segment == segment, unit == nil, i + 1 < t.count,
                    Self.isNumber(t[i + 1])
                {
                    numbers.removeLast()
                    unit = Self.canonicalUnit(prev.text)
                }
                i += 1
                continue
            }
            if Self.isNumber(tok) {
                var text = tok
                // "10 B HIGH STREET": a lone letter between a number and a word is the number's suffix.
                if next.count == 1, next.first!.isLetter, tok.last!.isNumber, isWordAt(i + 2) {
                    text += next
                    i += 1
                }
                numbers.append(Positioned(text: Self.canonicalUnit(text), segment: segment, position: i))
                i += 1
                continue
            }
            if tok.count == 1 {
                if t.count == 1, unitLetter == nil { unitLetter = tok }  // "C, ALBION HOUSE, …"
                i += 1
                continue
            }
            words.append(
                Positioned(text: Self.expand(tok, isLast: !isWordAt(i + 1) && i > 0), segment: segment, position: i))
            i += 1
        }
        // "3 FIRST FLOOR": a lone number in a part that is otherwise about a flat is the flat number.
        if sawFlatWords, unit == nil, numbers.count == numbersBefore + 1, words.count == wordsBefore {
            unit = numbers.removeLast().text
        }
    }

    /// "FLLAT", "FALT", "FAT": one slip from FLAT. Only trusted when a flat id follows.
    static func isMistypedFlat(_ s: String) -> Bool {
        s.count >= 3 && s.count <= 5 && StringDistance.osa(Array(s.utf8), Array("FLAT".utf8), limit: 1) <= 1
    }

    static func expand(_ word: String, isLast: Bool) -> String {
        if word == "ST" { return isLast ? "STREET" : "ST" }
        return AddressVocabulary.expansions[word] ?? word
    }

    /// A house number: digits, optionally one suffix letter, or a range "10-12".
    static func isNumber(_ s: String) -> Bool {
        guard let first = s.first, first.isNumber else { return false }
        if AddressVocabulary.isOrdinal(s) { return false }
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count <= 2
            && parts.allSatisfy { p in
                !p.isEmpty && p.first!.isNumber && p.dropFirst().drop { $0.isNumber }.count <= 1
                    && p.last!.isASCII
            }
    }

    /// A flat id: a number, a number with a letter, a letter, or a letter with digits ("A4").
    static func isUnitID(_ s: String) -> Bool {
        if isNumber(s) { return true }
        guard s.count <= 4, let first = s.first, first.isLetter else { return false }
        return s.count == 1 || s.dropFirst().allSatisfy(\.isNumber)
    }

    /// "02" → "2": leading zeros never distinguish flats or houses.
    static func canonicalUnit(_ s: String) -> String {
        guard s.first == "0", s.count > 1 else { return s }
        let trimmed = s.drop { $0 == "0" }
        return trimmed.isEmpty || !trimmed.first!.isNumber ? "0" + trimmed : String(trimmed)
    }
}
