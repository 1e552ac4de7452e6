/// Given names that practitioners treat as the same person's name: English and Irish nicknames,
/// and spellings produced by transliterating Arabic, Urdu, Bengali, Punjabi and Polish names.
///
/// Written for this project from common knowledge of British naming. Each line is one group; a name may
/// sit in several groups ("Alex" shortens both Alexander and Alexandra), and two names are equivalent when
/// they share a group. Spellings differing only in ways `NameNormalizer.phonetic` already absorbs
/// (doubled letters, ph/f, k/c) need not be listed, though listing them does no harm.
enum NameVariants {
    static let groups: [String] = [
        // English and Irish: men
        "william will bill billy willie willy liam wil", "robert rob bob bobby robbie robby bert rab",
        "richard rich rick ricky dick richie rickie", "james jim jimmy jamie jimbo jas",
        "thomas tom tommy thom tomos", "michael mike mick mickey micky mikey mikhail michal mihai",
        "christopher chris kit topher kris krzysztof", "daniel dan danny dani",
        "matthew matt matty mateusz mathew", "anthony tony ant antony antoni",
        "joseph joe joey jo yusuf yousef yusef josef jozef", "samuel sam sammy", "benjamin ben benny benji",
        "alexander alex alec alasdair alistair alastair sandy xander aleksander olek aleksandr sasha",
        "edward ed eddie eddy ted teddy ned", "jonathan jon jonny jonnie johnny",
        "john jack johnny jon sean shaun shawn ian iain evan jan johan juan eoin",
        "stephen steven steve stevie stefan steph", "nicholas nick nicky nico mikolaj nikolai",
        "andrew andy drew andrzej andreas", "david dave davy dai dafydd dawid", "peter pete piotr pierre",
        "timothy tim timmy", "gregory greg grzegorz", "kenneth ken kenny", "ronald ron ronnie",
        "donald don donny", "gerald gerry jerry gerard ged", "frederick fred freddie freddy fredrick",
        "charles charlie chas chuck carl karol", "henry harry hal hank", "harold harry hal",
        "patrick pat paddy packie padraig", "francis frank frankie", "lawrence laurence larry laurie",
        "leonard len lenny leo", "terence terry", "raymond ray", "albert bert bertie al",
        "alfred alf alfie", "arthur art artie", "philip phil pip filip", "douglas doug dougie",
        "kevin kev", "gary gaz", "barry baz", "darren daz", "jacob jake jakub kuba yakub",
        "paul pawel pablo", "luke lukasz lucas lukas", "martin marty marcin", "adam adam",
        "simon szymon", "wojciech wojtek", "jeremy jerry jez", "nathaniel nathan nate nat",
        "oliver olly ollie", "zachary zach zak zack", "cornelius con connie", "dominic dom dominik",
        // English and Irish: women
        "elizabeth liz lizzie lizzy beth betty betsy eliza libby bess bessie lisa elspeth elzbieta ela",
        "margaret maggie peggy meg megan maisie greta madge margo marge malgorzata gosia mairead",
        "katherine catherine kathryn katharine kate kathy katie cath cathy kat kitty kay katarzyna kasia caitlin",
        "rebecca becky becca beccy", "jennifer jen jenny jenni", "victoria vicky vicki tori",
        "susan sue susie suzy susanna suzanne", "patricia pat patsy trish tricia",
        "deborah debbie deb debra", "samantha sam sammy", "alexandra alex lexi sandra ola aleksandra sasha",
        "charlotte charlie lottie lotte", "abigail abby abbie abi gail", "jessica jess jessie",
        "amanda mandy", "jacqueline jackie jacqui jacky", "josephine jo josie", "joanne jo joanna asia",
        "natalie nat natalia", "kayleigh kay kayley kaylee kayla kaleigh",
        "christine chris chrissie tina kristina krystyna",
        "christina chris tina", "helen helena nell nellie ellen", "eleanor ellie nora nell elinor",
        "anne ann anna annie ania hannah", "mary molly polly maria marie mair maire miriam mariam maryam",
        "sarah sara sally sadie zara", "dorothy dot dottie dolly", "frances fran fanny frankie franciszka",
        "judith judy jude", "louise lou lou lulu louisa", "theresa teresa tess tessa terri",
        "valerie val", "pamela pam", "gillian gill jill", "barbara barb babs", "caroline carol carrie",
        "carolyn carol", "zoe zoey zofia sophie sophia zosia", "agnieszka aga agnes", "magdalena magda maddie",
        "madeleine madeline maddie maddy", "siobhan chevonne", "niamh neve neave", "aoife eva ifa",
        "sinead shinead", "grainne grania", "roisin rosheen", "ellie elle", "emily emmy em emilia",
        "emma em emmie", "amelia millie amy", "mildred millie", "harriet hattie", "lucy lucia lucie",
        // Transliterated names from Arabic, Urdu, Bengali, Punjabi and Somali
        "mohammed muhammad mohamed mohammad muhammed mohamad mohd mahmood mahmud mo",
        "ahmed ahmad ahmet ahamed", "hussain hussein husain hossain husayn", "hassan hasan hasaan",
        "mustafa mustapha mostafa", "ibrahim ebrahim ibraheem", "ismail ismael esmail",
        "yasmin yasmine jasmine jasmin", "fatima fatimah fatma fatema", "aisha ayesha aysha aishah",
        "zainab zaynab zeinab", "osman usman othman uthman", "omar umar omer", "abdullah abdulla abdallah",
        "abdul abdel abdal", "khadija khadijah khadeeja", "yusra yousra", "yahya yahia",
        "suleiman sulaiman sulayman solomon",
        "nur noor nour", "karim kareem", "rahim raheem", "rashid rasheed", "hamid hameed", "ali aly",
        "shahid shaheed", "tariq tarik tareq", "imran imraan", "bilal belal", "rukhsana ruksana",
        "shabana shabnam", "gurpreet gurprit", "harjit harjeet", "manjit manjeet", "mohinder mahinder",
        "pardeep pradeep", "sandeep sandip", "rajesh raj", "jaswinder jas", "sukhwinder sukhi",
        "abdirahman abdurahman abdulrahman", "mohamud mahamoud", "faisal faysal",
    ]

    /// Normalised name → the groups it belongs to.
    static let membership: [[UInt8]: [Int32]] = {
        var map: [[UInt8]: [Int32]] = [:]
        for (n, line) in groups.enumerated() {
            for name in line.split(separator: " ") {
                let key = NameNormalizer.letters(name)
                if !(map[key]?.contains(Int32(n)) ?? false) { map[key, default: []].append(Int32(n)) }
            }
        }
        return map
    }()

    /// The groups a normalised name belongs to; empty when it has no known variants.
    static func groups(of name: [UInt8]) -> [Int32] { membership[name] ?? [] }

    /// The first name in a shared group, used to explain an equivalence ("Bill → William").
    static func sharedGroup(_ a: [Int32], _ b: [Int32]) -> Int32? {
        for g in a where b.contains(g) { return g }
        return nil
    }
}
