/// Ethnic group as the person describes it, in the wording of the 2021 census questionnaire for
/// England, so that partnership figures can be set beside ONS population estimates by district.
/// "Not known" and "Not stated" are kept apart: the first is a gap in the agency's recording,
/// the second is the person's choice, and audits count them differently.
public enum Ethnicity {
    static let whiteBritish = "White: English, Welsh, Scottish, Northern Irish or British"
    static let whiteIrish = "White: Irish"
    static let gypsyOrIrishTraveller = "White: Gypsy or Irish Traveller"
    static let roma = "White: Roma"
    static let otherWhite = "White: Any other White background"
    static let whiteAndBlackCaribbean = "Mixed or Multiple ethnic groups: White and Black Caribbean"
    static let whiteAndBlackAfrican = "Mixed or Multiple ethnic groups: White and Black African"
    static let whiteAndAsian = "Mixed or Multiple ethnic groups: White and Asian"
    static let otherMixed = "Mixed or Multiple ethnic groups: Any other Mixed or Multiple ethnic background"
    static let indian = "Asian or Asian British: Indian"
    static let pakistani = "Asian or Asian British: Pakistani"
    static let bangladeshi = "Asian or Asian British: Bangladeshi"
    static let chinese = "Asian or Asian British: Chinese"
    static let otherAsian = "Asian or Asian British: Any other Asian background"
    static let caribbean = "Black, Black British, Caribbean or African: Caribbean"
    static let african = "Black, Black British, Caribbean or African: African"
    static let otherBlack =
        "Black, Black British, Caribbean or African: Any other Black, Black British or Caribbean background"
    static let arab = "Other ethnic group: Arab"
    static let otherEthnicGroup = "Other ethnic group: Any other ethnic group"
    static let notKnown = "Not known"
    static let notStated = "Not stated"

    /// In questionnaire order, so pick-lists read the way people filled in the census.
    public static let categories: [String] = [
        whiteBritish, whiteIrish, gypsyOrIrishTraveller, roma, otherWhite,
        whiteAndBlackCaribbean, whiteAndBlackAfrican, whiteAndAsian, otherMixed,
        indian, pakistani, bangladeshi, chinese, otherAsian,
        caribbean, african, otherBlack,
        arab, otherEthnicGroup,
        notKnown, notStated,
    ]
}
