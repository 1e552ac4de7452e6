import Foundation
import SafeguardCore

/// Where a demo family's names come from. Ethnicity and language follow the origin most of the
/// time but not always — "Not stated", an English-speaking second generation, a Roma family from
/// Romania — because records that always agree would hide interpreter and recording problems.
enum DemoOrigin: CaseIterable, Sendable {
    case british, irish, polish, romanian, portuguese, pakistani, indian, bangladeshi
    case caribbean, nigerian, ghanaian, somali, chinese, turkish, arab

    /// Roughly a shire county in the South or Midlands: mostly White British, with the larger
    /// communities of recent decades. Order matters only for reproducibility.
    static let weights: [(DemoOrigin, Int)] = [
        (.british, 640), (.irish, 20), (.polish, 50), (.romanian, 35), (.portuguese, 15), (.pakistani, 50),
        (.indian, 45), (.bangladeshi, 20), (.caribbean, 25), (.nigerian, 20), (.ghanaian, 10), (.somali, 15),
        (.chinese, 15), (.turkish, 10), (.arab, 10),
    ]

    var pool: DemoNamePool? {
        switch self {
        case .british: nil
        case .irish: .irish
        case .polish: .polish
        case .romanian: .romanian
        case .portuguese: .portuguese
        case .pakistani: .pakistani
        case .indian: .indian
        case .bangladeshi: .bangladeshi
        case .caribbean: .caribbean
        case .nigerian: .nigerian
        case .ghanaian: .ghanaian
        case .somali: .somali
        case .chinese: .chinese
        case .turkish: .turkish
        case .arab: .arab
        }
    }

    func firstNames(_ gender: Gender, bornIn year: Int) -> [String] {
        guard let pool else {
            return gender == .female ? DemoBritishNames.female(bornIn: year) : DemoBritishNames.male(bornIn: year)
        }
        return gender == .female ? pool.female : pool.male
    }

    var surnames: [String] { pool?.surnames ?? DemoBritishNames.surnames }

    /// Polish surnames in -ski/-cki take -ska/-cka for women and girls, and back again for a son
    /// named after his mother.
    func surname(_ base: String, for gender: Gender) -> String {
        guard self == .polish else { return base }
        if gender == .female, base.hasSuffix("ki") { return String(base.dropLast()) + "a" }
        if gender == .male, base.hasSuffix("ska") || base.hasSuffix("cka") { return String(base.dropLast()) + "i" }
        return base
    }

    /// Families where a wife customarily keeps her own surname.
    var wifeKeepsSurname: Bool {
        switch self {
        case .somali, .chinese, .arab, .bangladeshi, .portuguese: true
        default: false
        }
    }

    /// Chance in a hundred of a middle name.
    var middleNamePercent: Int {
        switch self {
        case .british, .irish, .caribbean, .nigerian, .ghanaian: 65
        case .chinese, .somali: 10
        default: 35
        }
    }

    func ethnicity(random: inout SeededRandom) -> String {
        let e = Ethnicity.self
        let main: [(String, Int)] =
            switch self {
            case .british: [(e.whiteBritish, 960), (e.gypsyOrIrishTraveller, 8), (e.otherWhite, 4)]
            case .irish: [(e.whiteIrish, 900), (e.gypsyOrIrishTraveller, 60), (e.whiteBritish, 20)]
            case .polish, .portuguese: [(e.otherWhite, 980)]
            case .romanian: [(e.otherWhite, 840), (e.roma, 140)]
            case .pakistani: [(e.pakistani, 980)]
            case .indian: [(e.indian, 960), (e.otherAsian, 20)]
            case .bangladeshi: [(e.bangladeshi, 980)]
            case .caribbean: [(e.caribbean, 900), (e.otherBlack, 80)]
            case .nigerian, .ghanaian, .somali: [(e.african, 960), (e.otherBlack, 20)]
            case .chinese: [(e.chinese, 980)]
            case .turkish: [(e.otherWhite, 500), (e.otherEthnicGroup, 480)]
            case .arab: [(e.arab, 900), (e.otherEthnicGroup, 80)]
            }
        return random.pick(weighted: main + [(e.notKnown, 12), (e.notStated, 8)])
    }

    /// Adults mostly speak the family language; children born here mostly speak English.
    func language(child: Bool, random: inout SeededRandom) -> String {
        let home: [(String, Int)] =
            switch self {
            case .british, .irish, .caribbean: [("English", 1)]
            case .polish: [("Polish", 1)]
            case .romanian: [("Romanian", 9), ("Romani", 1)]
            case .portuguese: [("Portuguese", 1)]
            case .pakistani: [("Urdu", 3), ("Punjabi", 2), ("Pahari", 1)]
            case .indian: [("Gujarati", 3), ("Punjabi", 3), ("Hindi", 2), ("Tamil", 1)]
            case .bangladeshi: [("Bengali", 2), ("Sylheti", 1)]
            case .nigerian: [("Yoruba", 3), ("Igbo", 2)]
            case .ghanaian: [("Twi", 3), ("Ga", 1)]
            case .somali: [("Somali", 1)]
            case .chinese: [("Cantonese", 1), ("Mandarin", 1)]
            case .turkish: [("Turkish", 4), ("Kurdish", 1)]
            case .arab: [("Arabic", 1)]
            }
        let englishPercent: Int =
            switch self {
            case .british, .irish, .caribbean: 100
            case .nigerian, .ghanaian: child ? 95 : 75
            case .indian, .pakistani: child ? 85 : 40
            default: child ? 70 : 25
            }
        return random.chance(percent: englishPercent) ? "English" : random.pick(weighted: home)
    }

    /// The census "Mixed" group a child of one White and one other parent would most often be
    /// recorded in; callers handle two White parents themselves.
    static func mixedEthnicity(_ a: DemoOrigin, _ b: DemoOrigin) -> String {
        guard a.isWhiteEuropean != b.isWhiteEuropean else { return Ethnicity.otherMixed }
        let other = a.isWhiteEuropean ? b : a
        switch other {
        case .caribbean: return Ethnicity.whiteAndBlackCaribbean
        case .nigerian, .ghanaian, .somali: return Ethnicity.whiteAndBlackAfrican
        case .pakistani, .indian, .bangladeshi, .chinese: return Ethnicity.whiteAndAsian
        default: return Ethnicity.otherMixed
        }
    }

    var isWhiteEuropean: Bool {
        switch self {
        case .british, .irish, .polish, .romanian, .portuguese: true
        default: false
        }
    }
}
