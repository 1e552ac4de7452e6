/// House numbers and flats, the fields the precision rules are about: every number typed must be explained
/// by the candidate's house number or flat, and a flat, floor or suffix letter that disagrees (or that one
/// side gives and the other lacks) vetoes an automatic match.
extension AddressComparison {
    /// House number and flat: each typed number must be explained by the candidate's house number or flat.
    mutating func compareNumbers(_ q: ParsedAddress, _ c: IndexedAddress, _ state: AddressIndexState) {
        var left = q.numbers
        var flatSettled = false
        if let house = c.house {
            if let i = left.lastIndex(of: house) {
                weight += W.houseAgree
                if explain { reasons.append("house number: \(house) = \(house)") }
                if i != left.count - 1 { weight += W.houseNotLast }  // "1, 15 …" reads as flat 1 of number 15
                left.remove(at: i)
            } else if let other = left.last(where: { Self.base($0).elementsEqual(Self.base(house)) }) {
                left.removeAll { $0 == other }
                vetoed = true
                // "28A" for a flat of 28, or "FLAT A, 18" for 18A: the letter may be the flat. Worth a look.
                let typedLetter = Self.suffixLetter(other)
                let heldLetter = Self.suffixLetter(house)
                let qLetter = typedLetter ?? q.flat ?? q.flatLetter
                if (c.isUnit && heldLetter == nil && typedLetter != nil && q.flat == nil && q.floor == nil)
                    || (!c.isUnit && heldLetter != nil && heldLetter == qLetter && typedLetter == nil)
                {
                    weight += W.suffixAsFlat
                    flatSettled = true
                    if explain {
                        reasons.append(
                            "house number: \(other) ~ \(house)\(c.isUnit ? " (suffix letter or flat?)" : " (flat letter or suffix?)")"
                        )
                    }
                } else {
                    weight += W.houseDisagree
                    if explain { reasons.append("house number: \(other) ≠ \(house) (suffix letter)") }
                }
            } else if let other = left.last(where: { Self.rangeOverlaps($0, house) }) {
                weight += W.housePartial
                vetoed = true
                if explain { reasons.append("house number: \(other) overlaps \(house)") }
                left.removeAll { $0 == other }
            } else if let other = left.last {
                weight += W.houseDisagree
                vetoed = true
                if explain { reasons.append("house number: \(other) ≠ \(house)") }
                left.removeLast()
            } else {
                weight += W.houseMissing
                vetoed = true
                if explain { reasons.append("house number: \(house) not given") }
            }
        }

        if flatSettled {
            // handled with the house number
        } else if let flat = c.flat {
            if q.flatIsExplicit, let qf = q.flat {
                if qf == flat {
                    weight += W.flatAgree
                    if explain { reasons.append("flat: \(qf) = \(flat)") }
                } else {
                    weight += W.flatDisagree
                    vetoed = true
                    if explain { reasons.append("flat: \(qf) ≠ \(flat)") }
                }
            } else if let i = left.firstIndex(of: flat) {
                weight += W.flatImplicit
                if explain { reasons.append("flat: \(flat) = \(flat) (bare number)") }
                left.remove(at: i)
            } else if q.flatLetter == flat {
                weight += W.flatImplicit
                if explain { reasons.append("flat: \(flat) = \(flat) (bare letter)") }
            } else if let other = left.first ?? q.flatLetter {
                weight += W.flatDisagree
                vetoed = true
                if explain { reasons.append("flat: \(other) ≠ \(flat)") }
                if !left.isEmpty { left.removeFirst() }
            } else if let floor = q.floor {
                weight += W.flatOtherStyle
                vetoed = true
                if explain { reasons.append("flat: \(floor) floor vs flat \(flat)") }
            } else if q.flatMentioned {
                weight += W.flatUnspecified
                vetoed = true
                if explain { reasons.append("flat: which flat not given (\(flat)?)") }
            } else {
                weight += W.flatMissing
                vetoed = true
                if explain { reasons.append("flat: \(flat) not given") }
            }
        } else if let floor = c.floor {
            if let qf = q.floor {
                if qf != floor {
                    weight += W.flatDisagree
                    vetoed = true
                    if explain { reasons.append("flat: \(qf) floor ≠ \(floor) floor") }
                } else if let other = q.flat ?? q.flatLetter {
                    // "FIRST FLOOR APARTMENT 9": the floor agrees but flat 9 is not how this flat is known.
                    weight += W.flatImplicit
                    vetoed = true
                    if explain { reasons.append("flat: \(qf) floor = \(floor) floor, but flat \(other) given") }
                } else {
                    weight += W.flatAgree
                    if explain { reasons.append("flat: \(qf) floor = \(floor) floor") }
                }
            } else if let other = q.flat ?? q.flatLetter {
                weight += W.flatOtherStyle
                vetoed = true
                if explain { reasons.append("flat: flat \(other) vs \(floor) floor") }
            } else if q.flatMentioned {
                weight += W.flatUnspecified
                vetoed = true
                if explain { reasons.append("flat: which flat not given (\(floor) floor?)") }
            } else {
                weight += W.flatMissing
                vetoed = true
                if explain { reasons.append("flat: \(floor) floor flat not given") }
            }
        } else if q.flat != nil || q.floor != nil || q.flatMentioned || q.flatLetter != nil
            || (!left.isEmpty && c.house != nil)
        {
            // The query names a flat; the candidate is a whole building or house.
            vetoed = true
            let held = (c.house != nil || c.name != nil) && state.buildingHasUnits(c)
            weight += held ? W.flatNotInIndex : W.flatNotSplit
            if explain {
                let asked = q.subBuilding ?? q.flatLetter.map { "FLAT \($0)" } ?? "FLAT \(left.first ?? "")"
                reasons.append(
                    held
                        ? "flat: \(asked) is not one of this building's flats"
                        : "flat: \(asked) asked, building held whole")
            }
            if c.house != nil { left.removeAll() }
        } else if state.buildingHasUnits(c) {
            // The whole building, while the index also holds flats in it: the caller may mean one of them.
            weight += W.buildingWithFlats
            vetoed = true
            if explain { reasons.append("flat: none given, and this building has flats") }
        }

        if c.house == nil, !left.isEmpty {
            weight += W.numberOnNamedHouse
            vetoed = true
            if explain { reasons.append("house number: \(left.joined(separator: " ")) given, known by name only") }
        } else if !left.isEmpty {
            weight += W.strayNumber
            vetoed = true
            if explain { reasons.append("number \(left.joined(separator: " ")) not explained") }
        }
    }

    /// "12A" → "12"
    static func base(_ s: String) -> Substring.UTF8View { s.utf8.prefix { $0 >= 48 && $0 <= 57 } }

    /// "12A" → "A"; nil without a letter.
    static func suffixLetter(_ s: String) -> String? {
        guard let last = s.utf8.last, last >= 65, last <= 90 else { return nil }
        return String(UnicodeScalar(last))
    }

    /// Whether a range ("10-12") covers the other number, either way round.
    static func rangeOverlaps(_ a: String, _ b: String) -> Bool {
        func bounds(_ s: String) -> ClosedRange<Int>? {
            let parts = s.split(separator: "-").compactMap { Int($0.prefix { $0.isNumber }) }
            guard let lo = parts.first, let hi = parts.last, lo <= hi else { return nil }
            return lo...hi
        }
        guard a.utf8.contains(45) || b.utf8.contains(45), let x = bounds(a), let y = bounds(b) else { return false }
        return x.overlaps(y)
    }
}
