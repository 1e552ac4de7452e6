import Foundation
import SafeguardCore

/// English and British first names by generation. A 70-year-old "Kayleigh" or a toddler called
/// "Brenda" would look wrong to any practitioner, so names follow the birth year.
enum DemoBritishNames {
    static let surnames = [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
        "Turner", "Hill", "Moore", "Cooper", "Ward", "Morris", "King", "Watson", "Harris", "Baker",
        "Harrison", "Morgan", "Lewis", "Young", "Allen", "Mitchell", "James", "Lee", "Parker", "Bennett",
        "Price", "Marsh", "Fletcher", "Barker", "Shaw", "Holmes", "Rhodes", "Pearce", "Cartwright", "Hughes",
        "Edwards", "Collins", "Stevens", "Atkinson", "Dawson", "Fox", "Gibson", "Lloyd", "Mason", "Payne",
        "Reynolds", "Sutton", "Todd", "Webb", "Wells", "Hodgson", "Kemp", "Newton", "Osborne", "Porter",
        "Riley", "Sharp", "Tucker", "MacDonald", "Campbell", "Stewart", "Thomas", "Griffiths", "Rees", "Kerr",
    ]

    static func male(bornIn year: Int) -> [String] {
        year < 1965 ? olderMale : year < 1995 ? middleMale : youngerMale
    }

    static func female(bornIn year: Int) -> [String] {
        year < 1965 ? olderFemale : year < 1995 ? middleFemale : youngerFemale
    }

    private static let olderMale = [
        "John", "David", "Michael", "Peter", "Brian", "Kenneth", "Alan", "Robert", "Roger", "Keith", "Barry",
        "Colin", "Derek", "Malcolm", "Raymond", "Terence", "Geoffrey", "Graham", "Trevor", "Dennis", "Anthony",
        "William", "Frederick", "Ronald", "Stanley",
    ]
    private static let middleMale = [
        "Mark", "Paul", "Darren", "Lee", "Jason", "Craig", "Stephen", "Andrew", "Richard", "Simon", "Gary",
        "Wayne", "Dean", "Matthew", "Daniel", "Christopher", "James", "Thomas", "Jonathan", "Scott", "Carl",
        "Ryan", "Adam", "Neil", "Martin", "Kevin", "Shaun", "Nathan", "Benjamin", "Luke", "Nicholas",
    ]
    private static let youngerMale = [
        "Oliver", "George", "Noah", "Arthur", "Leo", "Harry", "Oscar", "Jack", "Charlie", "Freddie", "Alfie",
        "Theo", "Archie", "Jacob", "Thomas", "Joshua", "Tyler", "Kai", "Mason", "Riley", "Jayden", "Liam",
        "Logan", "Harrison", "Ethan", "Callum", "Reece", "Connor", "Lewis", "Finley", "Alexander", "William",
    ]
    private static let olderFemale = [
        "Margaret", "Patricia", "Jean", "Joan", "Sheila", "Brenda", "Barbara", "Doreen", "Irene", "Pauline",
        "Maureen", "Sandra", "Valerie", "Janet", "Christine", "Susan", "Linda", "Carol", "Elizabeth", "Dorothy",
        "Eileen", "Shirley", "Ann", "Marion", "Gillian",
    ]
    private static let middleFemale = [
        "Sarah", "Lisa", "Michelle", "Joanne", "Nicola", "Claire", "Emma", "Rachel", "Rebecca", "Samantha",
        "Kelly", "Donna", "Amanda", "Karen", "Louise", "Victoria", "Laura", "Gemma", "Stacey", "Kayleigh",
        "Danielle", "Hayley", "Leanne", "Natalie", "Charlotte", "Jennifer", "Katherine", "Zoe", "Tracey", "Deborah",
    ]
    private static let youngerFemale = [
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Freya", "Poppy", "Sophie", "Grace", "Ella",
        "Evie", "Isabella", "Millie", "Ruby", "Chloe", "Jessica", "Holly", "Megan", "Paige", "Abigail", "Harper",
        "Willow", "Rosie", "Erin", "Maisie", "Lacey", "Skye", "Daisy", "Kayleigh", "Katie",
    ]
}
