/// What a referrer is worried about. Children's categories follow the MASH front door's usual
/// list; adults' are the ten types of abuse in the Care Act 2014 statutory guidance.
public enum ConcernCategory: String, CaseIterable, Codable, Sendable {
    // Children
    case physicalAbuse = "physical-abuse"
    case emotionalAbuse = "emotional-abuse"
    case sexualAbuse = "sexual-abuse"
    case neglect
    case childSexualExploitation = "child-sexual-exploitation"
    case childCriminalExploitation = "child-criminal-exploitation"
    case domesticAbuse = "domestic-abuse"
    case femaleGenitalMutilation = "fgm"
    case radicalisation
    case selfHarm = "self-harm"
    case missing
    case onlineHarm = "online-harm"
    // Adults (Care Act 2014)
    case adultPhysical = "adult-physical"
    case adultDomestic = "adult-domestic"
    case adultSexual = "adult-sexual"
    case adultPsychological = "adult-psychological"
    case adultFinancial = "adult-financial"
    case adultModernSlavery = "adult-modern-slavery"
    case adultDiscriminatory = "adult-discriminatory"
    case adultOrganisational = "adult-organisational"
    case adultNeglect = "adult-neglect"
    case adultSelfNeglect = "adult-self-neglect"

    public var isForChildren: Bool { !rawValue.hasPrefix("adult-") }

    public static let forChildren = allCases.filter(\.isForChildren)
    public static let forAdults = allCases.filter { !$0.isForChildren }

    public var displayName: String {
        switch self {
        case .physicalAbuse: "Physical abuse"
        case .emotionalAbuse: "Emotional abuse"
        case .sexualAbuse: "Sexual abuse"
        case .neglect: "Neglect"
        case .childSexualExploitation: "Child sexual exploitation"
        case .childCriminalExploitation: "Child criminal exploitation"
        case .domesticAbuse: "Domestic abuse"
        case .femaleGenitalMutilation: "Female genital mutilation (FGM)"
        case .radicalisation: "Radicalisation"
        case .selfHarm: "Self-harm"
        case .missing: "Missing"
        case .onlineHarm: "Online harm"
        case .adultPhysical: "Physical abuse"
        case .adultDomestic: "Domestic abuse"
        case .adultSexual: "Sexual abuse"
        case .adultPsychological: "Psychological or emotional abuse"
        case .adultFinancial: "Financial or material abuse"
        case .adultModernSlavery: "Modern slavery"
        case .adultDiscriminatory: "Discriminatory abuse"
        case .adultOrganisational: "Organisational abuse"
        case .adultNeglect: "Neglect and acts of omission"
        case .adultSelfNeglect: "Self-neglect"
        }
    }
}
