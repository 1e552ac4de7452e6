import Foundation
import SafeguardCore

/// The demo partnership's learning: 27 historical serious case reviews coded as seed 004 coded its 27 (so the
/// themes page gives back 85%, 63% and 63%, and eleven themes at 4%), and the briefings the business unit wrote.
public enum DemoLearning {
    /// Reviews per theme. The seed states the top three and that eleven themes occur once; the rest are read
    /// off its bar chart.
    static let counts: [String: Int] = [
        "assessment-risk-assessment": 23, "lived-experience-of-the-child": 17, "professional-curiosity": 17,
        "information-sharing": 14, "working-together": 12, "supervision-management-oversight": 11, "think-family": 9,
        "escalation": 8, "recording": 7, "identification-of-disguised-compliance": 7, "engagement-of-fathers": 6,
        "policies-procedures-and-protocols": 5, "rule-of-optimism": 5, "professional-challenge": 4, "think-sibling": 4,
        "needs-of-the-parent-over-the-child": 3, "roles-and-responsibilities": 3, "timeliness-of-support": 2,
        "resources": 2,
        "respectful-uncertainty": 2, "cultural-competence": 2,
        "confidence": 1, "awareness-of-child-sexual-abuse": 1, "think-the-unthinkable": 1,
        "awareness-of-child-sexual-exploitation": 1,
        "professional-judgement": 1, "desensitisation-to-poor-levels-of-care": 1, "trained-staff": 1,
        "understanding-child-and-adolescent-development": 1, "following-up-parents-accessing-services": 1,
        "making-verbal-agreements": 1, "community-intelligence": 1,
    ]

    /// Two reviews a year from 2006, the last in 2019, each theme given to its count of reviews in turn.
    public static var historicalReviews: [ReviewImport.Row] {
        let vocabulary = ReviewThemeVocabulary.shipped
        var themes = Array(repeating: Set<String>(), count: 27)
        var next = 0
        for theme in vocabulary.themes {
            for _ in 0..<(counts[theme.key] ?? 0) {
                themes[next % 27].insert(theme.key)
                next += 1
            }
        }
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return (0..<27).map { i in
            let year = 2006 + i / 2
            let child = i < 26 ? "Child \(letters[i])" : "Children R and S"
            return ReviewImport.Row(
                review: CodedReview(
                    reference: "NM-SCR-\(year)-\(i % 2 + 1)", kind: .seriousCaseReview,
                    completedOn: SimpleDate(year: year, month: i % 2 == 0 ? 3 : 9, day: i % 2 == 0 ? 31 : 30)!,
                    themes: themes[i]),
                title: "Serious case review: \(child)")
        }
    }

    /// A briefing as the demo loads it: its text, what it links to, and whether it is out.
    public struct Briefing: Sendable {
        public let briefing: SevenMinuteBriefing
        public let published: Bool
    }

    public static let menAroundABaby: [BriefingSection: String] = [
        .background:
            "Reviews of serious injuries to babies, here and nationally, keep finding the same gap: the men living with or visiting the baby were barely known to the professionals involved. Records described the mother and baby in detail, and the father, stepfather or mother's partner in a line, if at all.",
        .whyItMatters:
            "Babies under one are the children most at risk of serious harm or death from abuse. The men in a household often care for the baby for part of every day, yet they are the people we assess least. A risk nobody looks for is a risk nobody sees.",
        .keyInformation1:
            "Ask who lives in the home, who stays over, who visits, and who looks after the baby when the mother is out. Record each man by name, date of birth and relationship to the baby.",
        .keyInformation2:
            "A new partner, a history of violence, drink or drug use, poor mental health, or a father who is 'not around' but still visits: each changes the picture. Where it is safe, ask the mother on her own.",
        .keyInformation3:
            "Invite fathers and partners to appointments and meetings, at times they can come. Talk to them directly about how they cope with a crying baby and what they do when they feel at the end of their tether.",
        .whatToNote:
            "Missing from the record is not missing from the home. Disguised compliance and the rule of optimism thrive when a man stays unseen. Every child's page in Safeguard has a card for the men around the child: fill it in and keep it current.",
        .whatToDo:
            "Who are the men in this baby's life, and what do we know about each of them? Have I met them? Has anyone checked with the police and children's social care? What would I do if a man I had never heard of opened the door?",
    ]

    public static let professionalCuriosity: [BriefingSection: String] = [
        .background:
            "The partnership's last serious case review looked at a teenager who was neglected at home for years while several agencies saw her regularly. Each agency accepted the explanations it was given, and none put what it knew next to what others knew.",
        .whyItMatters:
            "Professional curiosity was missing in almost two thirds of the 27 reviews the partnership has analysed. It is the habit that turns a contact into a chance to notice harm.",
        .keyInformation1:
            "Look: notice the home, the child's appearance and the way the family talk to each other, not just what you came to check.",
        .keyInformation2:
            "Listen and ask: hear the child on their own where you can. Ask open questions, and ask again when an answer does not fit what you see.",
        .keyInformation3:
            "Check: test what you are told against what other agencies know. A referral to the MASH or a call to the child's school is part of the job, not a sign of distrust.",
        .whatToNote:
            "Respectful uncertainty is not rudeness. An explanation that has been given many times is not more likely to be true. Escalate a disagreement with another agency if your concern is not heard.",
        .whatToDo:
            "When did I last see this child on their own? What would I expect to see if things were as good as I am told? Who else knows this family, and have I asked them?",
    ]

    public static let cuckooing: [BriefingSection: String] = [
        .background:
            "Adults with learning disabilities or mental ill-health have had their homes taken over by people dealing drugs.",
        .whyItMatters: "The adult is often the last to ask for help, and visitors may be the only people who notice.",
    ]

    public static var briefings: [Briefing] {
        let last = historicalReviews.last!.review.reference
        return [
            Briefing(
                briefing: SevenMinuteBriefing(
                    title: "The men around a baby", sections: menAroundABaby, themeKey: "engagement-of-fathers"),
                published: true),
            Briefing(
                briefing: SevenMinuteBriefing(
                    title: "Professional curiosity: look, listen, ask, check", sections: professionalCuriosity,
                    reviewReference: last), published: true),
            Briefing(
                briefing: SevenMinuteBriefing(
                    title: "Cuckooing: when an adult's home is taken over", sections: cuckooing,
                    themeKey: "community-intelligence"), published: false),
        ]
    }
}
