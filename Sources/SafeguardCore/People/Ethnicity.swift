/// Ethnic group as the person describes it, in the wording of the 2021 census questionnaire for
/// England, so that partnership figures can be set beside ONS population estimates by district.
/// "Not known" and "Not stated" are kept apart: the first is a gap in the agency's recording,
/// the second is the person's choice, and audits count them differently.
public enum Ethnicity {
    public static let whiteBritish = "White: English, Welsh, Scottish, Northern Irish or British"
    public static let whiteIrish = "White: Irish"
    public static let gypsyOrIrishTraveller = "White: Gypsy or Irish Traveller"
    public static let roma = "White: Roma"
    public static let otherWhite = "White: Any other White background"
    public static let whiteAndBlackCaribbean = "Mixed or Multiple ethnic groups: White and Black Caribbean"
    public static let whiteAndBlackAfrican = "Mixed or Multiple ethnic groups: White and Black African"
    public static let whiteAndAsian = "Mixed or Multiple ethnic groups: White and Asian"
    public static let otherMixed = "Mixed or Multiple ethnic groups: Any other Mixed or Multiple ethnic background"
    public static let indian = "Asian or Asian British: Indian"
    public static let pakistani = "Asian or Asian British: Pakistani"
    public static let bangladeshi = "Asian or Asian British: Bangladeshi"
    public static let chinese = "Asian or Asian British: Chinese"
    public static let otherAsian = "Asian or Asian British: Any other Asian background"
    public static let caribbean = "Black, Black British, Caribbean or African: Caribbean"
    public static let african = "Black, Black British, Caribbean or African: African"
    public static let otherBlack =
        "Black, Black British, Caribbean or African: Any other Black, Black British or Caribbean background"
    public static let arab = "Other ethnic group: Arab"
    public static let otherEthnicGroup = "Other ethnic group: Any other ethnic group"
    public static let notKnown = "Not known"
    public static let notStated = "Not stated"

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
