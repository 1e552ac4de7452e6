import Foundation

/// Field-by-field comparison of a typed address with one known address, in the Fellegi–Sunter manner: each
/// field adds a weight, roughly the natural log of how much likelier its agreement (or disagreement) is for
/// the same dwelling than for a neighbour. The weights are set by reasoning about UK addresses, not fitted:
/// - a postcode covers ~15 dwellings of ~30 million, so an exact one is strong (+6); one wrong character,
///   the same sector, the same district progressively weaker; a different district counts against;
/// - a house number narrows a street of ~40 dwellings to one (+5); on a different number the addresses
///   are neighbours, which the rules below forbid matching whatever else agrees;
/// - a flat agreeing matters as much as a house number (+4), a street +4, a town +1.5, a locality +0.5;
/// - a typed word that no field of the candidate explains counts against it (−1.5 each, at most three):
///   it usually names something the candidate is not.
///
/// The precision rules are vetoes: a candidate breaking one is never an automatic match, only shown for
/// review if it scores well otherwise.
struct AddressComparison {
    var weight: Double = 0
    var vetoed = false
    var reasons: [String] = []

    enum W {
        static let postcodeExact = 6.0, postcodeOneCharacter = 3.0, postcodeSector = 1.5, postcodeDistrict = 0.5
        static let postcodeDifferent = -3.0
        static let houseAgree = 5.0, houseMissing = -2.5, houseDisagree = -8.0, housePartial = 0.0
        static let houseNotLast = -1.5, numberOnNamedHouse = -5.0
        static let flatAgree = 4.0, flatImplicit = 3.0, flatDisagree = -8.0, flatMissing = -4.0
        static let flatUnspecified = -2.0, flatOtherStyle = -3.0
        static let flatNotInIndex = -6.0, flatNotSplit = -2.0, strayNumber = -3.0, buildingWithFlats = -1.5
        static let suffixAsFlat = 2.0
        static let nameHouseAgree = 6.0, nameHouseClose = 3.0, nameHouseMissing = -6.0
        static let nameBlockAgree = 2.0, nameBlockClose = 1.0, nameBlockMissing = -0.5
        static let streetAgree = 4.0, streetClose = 2.0, streetMissing = -1.0, streetDisagree = -2.5
        static let townAgree = 1.5, townClose = 0.75, localityAgree = 0.5
        static let unexplainedWord = -1.5, maxUnexplained = 3
    }

    /// Similarities at or above `agree` count as the same text with a typo or two; at or above `close`, as
    /// probably the same; below, as not found.
    static let agree = 0.88, close = 0.7

    /// Whether the comparison stopped after the numbers because the candidate could not reach `skipBelow`.
    private(set) var skipped = false
    /// Reasons are words for people; building them costs more than the comparison, so only the few
    /// candidates that will be shown are compared with `explain` on.
    let explain: Bool

    /// Compares one candidate. With `skipBelow`, stops after postcode and numbers when even full agreement
    /// of the text fields could not lift the weight to it (`skipped` is then true and `weight` partial).
    init(
        query q: ParsedAddress, queryPostcode: UInt64?, words: AddressQueryWords, candidate c: IndexedAddress,
        state: AddressIndexState,
        fieldCache: inout AddressFieldCache, explain: Bool, skipBelow: Double? = nil
    ) {
        self.explain = explain
        comparePostcode(
            q.postcodeKey, c.postcode, agreement: AddressPostcode.compare(packed: queryPostcode, c.postcodePacked))
        compareNumbers(q, c, state)
        if let skipBelow {
            var best = weight
            if c.name != nil { best += c.house == nil ? W.nameHouseAgree : W.nameBlockAgree }
            if c.street != nil { best += W.streetAgree }
            if c.town != nil { best += W.townAgree }
            if c.locality != nil { best += W.localityAgree }
            if best < skipBelow {
                skipped = true
                return
            }
        }

        var covered: UInt64 = 0
        func find(_ id: Int, asName: Bool) -> AddressFieldMatch {
            let key = id * 2 + (asName ? 1 : 0)
            if let m = fieldCache.find(key) { return m }
            let m = words.match(state.fields[id], asName: asName)
            fieldCache.keys.append(key)
            fieldCache.matches.append(m)
            return m
        }
        /// Adds the weight for a text field found at `agree` or `close` similarity; false when not found.
        func score(_ label: String, _ id: Int?, agree: Double, close: Double) -> Bool? {
            guard let id else { return nil }
            let m = find(id, asName: label == "name")
            guard m.similarity >= Self.close else { return false }
            let strong = m.similarity >= Self.agree
            weight += strong ? agree : close
            covered |= m.covered
            if explain {
                let field = state.fields[id].text
                let typed = words.text(of: m)
                reasons.append("\(label): \(typed) \(typed == field ? "=" : strong ? "~" : "≈") \(field)")
            }
            return true
        }

        // Building name: decisive for a house known by name only, a small help for a named block.
        let named = c.house == nil
        if score(
            "name", c.name, agree: named ? W.nameHouseAgree : W.nameBlockAgree,
            close: named ? W.nameHouseClose : W.nameBlockClose) == false
        {
            weight += named ? W.nameHouseMissing : W.nameBlockMissing
            if named { vetoed = true }
            if explain { reasons.append("name: \(state.fields[c.name!].text) not given") }
        }
        let streetFound = score("street", c.street, agree: W.streetAgree, close: W.streetClose)
        // Town and locality are often left out, so absence costs nothing; a different one shows up as
        // unexplained words.
        _ = score("town", c.town, agree: W.townAgree, close: W.townClose)
        _ = score("locality", c.locality, agree: W.localityAgree, close: W.localityAgree)

        // Words nothing explains.
        var unexplained = 0
        var unexplainedText: [String] = []
        for (i, w) in words.words.enumerated() where covered & (1 << UInt64(i)) == 0 {
            if w.count >= 2, !AddressVocabulary.stopWords.contains(w) {
                unexplained += 1
                if explain { unexplainedText.append(w) }
            }
        }
        if streetFound == false {
            // No words left for a street: the typist left it out. Words left: they name another street.
            weight += unexplained == 0 ? W.streetMissing : W.streetDisagree
            if explain {
                reasons.append(
                    "street: \(state.fields[c.street!].text) \(unexplained == 0 ? "not given" : "not found")")
            }
        }
        if unexplained > 0 {
            weight += W.unexplainedWord * Double(min(unexplained, W.maxUnexplained))
            if explain { reasons.append("not in this address: \(unexplainedText.joined(separator: " "))") }
        }
    }

    private mutating func comparePostcode(_ q: String?, _ c: String?, agreement: AddressPostcode.Agreement) {
        switch agreement {
        case .exact: weight += W.postcodeExact
        case .oneCharacter: weight += W.postcodeOneCharacter
        case .sameSector: weight += W.postcodeSector
        case .sameDistrict: weight += W.postcodeDistrict
        case .different: weight += W.postcodeDifferent
        case .missing: break
        }
        guard explain else { return }
        let pair = "(\(q.map(AddressPostcode.display) ?? "") ~ \(c.map(AddressPostcode.display) ?? ""))"
        switch agreement {
        case .exact: reasons.append("postcode: exact")
        case .oneCharacter: reasons.append("postcode: one character off \(pair)")
        case .sameSector: reasons.append("postcode: same sector \(pair)")
        case .sameDistrict: reasons.append("postcode: same district \(pair)")
        case .different: reasons.append("postcode: different \(pair)")
        case .missing: reasons.append(q == nil ? "postcode: not given" : "postcode: not held")
        }
    }
}
