import Foundation
import SafeguardCore

/// The other names people turn up under: nicknames, variant spellings and names typed without
/// their accents. Referrals use whatever the referrer heard, so the demo must contain them for
/// search and duplicate detection to have something to find. Dictionaries here are only looked
/// up, never iterated, so they cannot disturb reproducibility.
enum DemoNameVariants {
    static let nicknames: [String: String] = [
        "Kayleigh": "Kay", "Elizabeth": "Liz", "Katherine": "Kate", "Rebecca": "Becky", "Samantha": "Sam",
        "Jennifer": "Jen", "Margaret": "Peggy", "Victoria": "Vicky", "Jessica": "Jess", "Charlotte": "Charlie",
        "Abigail": "Abbie", "Danielle": "Dani", "Nicola": "Nicky", "Amanda": "Mandy", "Deborah": "Debbie",
        "Patricia": "Pat", "Susan": "Sue", "Christine": "Chris", "Isabella": "Bella", "Millie": "Mills",
        "William": "Billy", "Robert": "Bob", "Thomas": "Tom", "Daniel": "Danny", "Christopher": "Chris",
        "Anthony": "Tony", "Michael": "Mick", "James": "Jamie", "Nicholas": "Nick", "Alexander": "Alex",
        "Matthew": "Matt", "Jonathan": "Jon", "Benjamin": "Ben", "Dean": "Deano", "Kenneth": "Ken",
        "Raymond": "Ray", "Terence": "Terry", "Frederick": "Fred", "Joshua": "Josh", "Callum": "Cal",
        "Katarzyna": "Kasia", "Małgorzata": "Gosia", "Aleksander": "Olek", "Tomasz": "Tomek",
        "Aleksandra": "Ola", "Mohammed": "Mo", "Muhammad": "Mo", "Oluwaseun": "Seun", "Chukwuemeka": "Emeka",
        "Adebayo": "Bayo", "Ifeoluwa": "Ife", "Oluwakemi": "Kemi", "Temitope": "Tope", "Alexandru": "Alex",
        "Abdirahman": "Abdi", "Abdullahi": "Abdi", "Gurpreet": "Guri", "Harpreet": "Harry", "Kwabena": "Kobby",
    ]

    /// Spellings that really are used interchangeably in records, both first names and surnames.
    static let alternativeSpellings: [String: String] = [
        "Mohammed": "Mohammad", "Muhammad": "Mohammed", "Mohamed": "Mohammed", "Ayesha": "Aisha",
        "Katie": "Katy", "Stephen": "Steven", "Shaun": "Sean", "Sean": "Shaun", "Lee": "Leigh",
        "Kayleigh": "Kaylee", "Jayden": "Jaden", "Zoe": "Zoë", "Hussain": "Hussein", "Hussein": "Hussain",
        "Chowdhury": "Choudhury", "Ahmed": "Ahmad", "Abdullahi": "Abdulahi", "Fadumo": "Faduma",
        "Sahra": "Sarah", "Jon": "John", "Philip": "Phillip", "Leanne": "Lianne", "Hayley": "Haley",
        "Stacey": "Stacy", "Tracey": "Tracy", "Rachel": "Rachael", "Louise": "Louisa", "McKenzie": "Mackenzie",
        "MacDonald": "McDonald", "Chaudhry": "Choudhry", "Mahmood": "Mahmud", "Rahman": "Rehman",
        "Mohamud": "Mahmoud", "Osman": "Othman", "Yusuf": "Yousef", "O'Brien": "OBrien",
        "O'Connor": "O Connor", "O'Sullivan": "Sullivan", "Clarke": "Clark", "Reid": "Reed",
    ]

    /// The same name as a keyboard without accents would type it ("Małgorzata" → "Malgorzata").
    static func withoutAccents(_ name: String) -> String {
        String(name.map { folded[$0] ?? $0 })
    }

    static func hasAccents(_ name: String) -> Bool {
        name.contains { folded[$0] != nil }
    }

    private static let folded: [Character: Character] = [
        "ą": "a", "ć": "c", "ę": "e", "ł": "l", "ń": "n", "ó": "o", "ś": "s", "ź": "z", "ż": "z",
        "Ł": "L", "Ś": "S", "Ż": "Z", "Ź": "Z", "Ć": "C", "ă": "a", "â": "a", "î": "i", "ș": "s", "ț": "t",
        "Ș": "S", "Ț": "T", "ç": "c", "Ç": "C", "ğ": "g", "ı": "i", "İ": "I", "ö": "o", "Ö": "O", "ü": "u",
        "Ü": "U", "ş": "s", "Ş": "S", "ã": "a", "õ": "o", "é": "e", "á": "a", "í": "i", "ú": "u", "ê": "e",
        "ô": "o", "ë": "e",
    ]
}
